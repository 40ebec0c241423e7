// Injected by esbuild at the top of the single executable's script (scripts/sea.mjs): hands stslint its package
// files from the executable's SEA assets, and the ajv bundled into the script, through the seam of
// src/util/package.ts (Embedded). Assets are read when first asked for: a run over StatefulSets compiles the
// apps/v1 validators only, as the npm package does.
import { getAsset } from 'node:sea';
import { compileFunction } from 'node:vm';

globalThis.stslintEmbedded = {
  ajv: () => require('ajv'),
  re2js: () => require('re2js'),
  file(path) {
    const text = getAsset(path, 'utf8');
    if (path.endsWith('.json')) return JSON.parse(text);
    // A compiled schema module (schemas/compile.mjs): CommonJS that only assigns to exports.
    const module = { exports: {} };
    compileFunction(text, ['exports', 'module'], { filename: path })(module.exports, module);
    return module.exports;
  },
};
