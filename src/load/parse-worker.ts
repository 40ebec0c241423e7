// A parsing thread: reads and loads the files the main thread sends, one at a time (see src/parse-files.ts).
import { parentPort } from 'node:worker_threads';
import { readManifest } from './files.js';
import { loadSource, toData } from './source.js';

parentPort!.on('message', async ({ index, path, contextOnly, maxBytes }) => {
  const read = await readManifest(path, maxBytes);
  const result = 'text' in read ? { loaded: toData(loadSource(path, read.text, contextOnly)) } : { finding: read.finding };
  parentPort!.postMessage({ index, ...result });
});
