#!/usr/bin/env node
// stslint's language server: Language Server Protocol over standard input and output (see README, "In the editor").
import { startServer } from '../dist/src/lsp.mjs';

startServer(process.stdin, process.stdout);
