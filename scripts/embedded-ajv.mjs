// Injected by esbuild at the top of the standalone/ bundles (scripts/standalone.mjs): standalone/ has no
// node_modules, so stslint gets the ajv bundled with it through the seam of src/util/package.ts (Embedded).
// The CommonJS require is esbuild's: ajv is evaluated on the first call only, as in the npm package.
globalThis.stslintEmbedded = { ajv: () => require('ajv'), re2js: () => require('re2js') };
