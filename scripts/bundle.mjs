// Bundles the CLI, the GitHub Action entry point and the parsing worker, with yaml and picomatch, into one module each
// (dist/src/cli.mjs, dist/src/action.mjs). Loading one file instead of ~200 cuts start-up from ~115 ms to
// ~30 ms of module loading. The bundles sit beside the modules they replace, so paths relative to
// import.meta.url (package.json, dist/schemas/) stay the same. ajv stays external: it is loaded only
// for config files and custom resources.
import { build } from 'esbuild';

await build({
  // The worker sits beside the bundles (dist/src/parse-worker.mjs), where src/load/parse-files.ts looks for it.
  entryPoints: [
    { in: 'dist/src/cli.js', out: 'cli' },
    { in: 'dist/src/action.js', out: 'action' },
    { in: 'dist/src/load/parse-worker.js', out: 'parse-worker' },
    { in: 'dist/src/lsp/server.js', out: 'lsp' },
  ],
  outdir: 'dist/src',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['ajv'],
  // yaml is CommonJS and calls require('process'): give the ES module bundle a require.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
