// (d) @monokle/validation with the plugins that run offline, fed the way the Monokle CLI feeds it:
// split every file into documents, one Resource per Kubernetes object, processRefs, validate, write SARIF.
// Usage: node bench/monokle.mjs [-o SARIF_FILE] PATH...
import { readFileSync, writeFileSync } from 'node:fs';
import { LineCounter, parseAllDocuments } from 'yaml';
import {
  AnnotationSuppressor,
  DefaultPluginLoader,
  DisabledFixer,
  MonokleValidator,
  ResourceParser,
  SchemaLoader,
  processRefs,
} from '@monokle/validation';
import { OFFLINE_PLUGINS, manifestFiles, printSummary } from './lib.mjs';

// No network at run time: any download attempt fails at once instead of waiting for a timeout.
globalThis.fetch = async (url) => {
  throw new Error(`network disabled in the benchmark (${url})`);
};

const args = process.argv.slice(2);
const outputIndex = args.indexOf('-o');
const output = outputIndex >= 0 ? args.splice(outputIndex, 2)[1] : undefined;
const files = manifestFiles(args);

let bytes = 0;
const resources = [];
for (const file of files) {
  const buffer = readFileSync(file);
  bytes += buffer.length;
  resources.push(...resourcesOf(file, buffer.toString('utf8')));
}

const parser = new ResourceParser();
const validator = new MonokleValidator({
  loader: new DefaultPluginLoader(),
  parser,
  schemaLoader: new SchemaLoader(),
  suppressors: [new AnnotationSuppressor()],
  fixer: new DisabledFixer(),
});
await validator.preload({ plugins: Object.fromEntries(OFFLINE_PLUGINS.map((name) => [name, true])) });
processRefs(resources, parser);
const response = await validator.validate({ resources });
const report = JSON.stringify(response);
if (output) writeFileSync(output, report);
printSummary({
  files: files.length,
  bytes,
  documents: resources.length,
  findings: response.runs[0].results.length,
  plugins: validator.getPlugins().map((plugin) => plugin.metadata.name),
  failedPlugins: validator.getFailedPlugins(),
});

function resourcesOf(file, text) {
  const lineCounter = new LineCounter();
  const found = [];
  parseAllDocuments(text, { lineCounter }).forEach((doc, index) => {
    if (doc.errors.length > 0) return;
    const content = doc.toJS();
    if (!content || typeof content !== 'object' || typeof content.kind !== 'string') return;
    const metadata = content.metadata ?? {};
    found.push({
      id: `${file}#${index}`,
      fileId: file,
      filePath: file,
      fileOffset: lineCounter.linePos(doc.range[0]).line - 1,
      name: String(metadata.name ?? ''),
      apiVersion: String(content.apiVersion ?? ''),
      kind: content.kind,
      namespace: typeof metadata.namespace === 'string' ? metadata.namespace : undefined,
      content,
      // The document's own bytes; the Monokle CLI re-serialises with doc.toString(), which costs more.
      text: text.slice(doc.range[0], doc.range[2]),
    });
  });
  return found;
}
