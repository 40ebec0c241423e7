// Floor (b): read every file and parse it with js-yaml `loadAll`, the fastest JavaScript YAML parser (no positions).
// Usage: node bench/floor-js-yaml.mjs PATH...
import { loadAll } from 'js-yaml';
import { parseFiles } from './lib.mjs';

parseFiles(process.argv.slice(2), (text, filename) => loadAll(text, null, { filename }).filter((value) => value != null).length);
