#!/usr/bin/env node
// stslint's language server: Language Server Protocol over standard input and output (see README, "In the editor").
// CommonJS, as all of bin/ (bin/package.json): the server's bundle is an ES module, imported.
import('../dist/src/lsp.mjs').then(({ startServer }) => startServer(process.stdin, process.stdout));
