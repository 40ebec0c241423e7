// Floor (a): read every file and parse it with `yaml` the way stslint's loader does, and nothing else.
// Usage: node bench/floor-yaml.mjs PATH...
import { LineCounter, parseAllDocuments } from 'yaml';
import { parseFiles } from './lib.mjs';

parseFiles(process.argv.slice(2), (text) => {
  let documents = 0;
  // The options stslint's loader uses where they change the work: merge keys, the alias limit.
  for (const doc of parseAllDocuments(text, { lineCounter: new LineCounter(), prettyErrors: false, merge: true })) {
    if (doc.errors.length > 0) throw doc.errors[0];
    if (doc.toJS({ maxAliasCount: 1000 }) != null) documents++;
  }
  return documents;
});
