// A parsing thread: reads and loads the files the main thread sends, one at a time (see parse-files.ts).
import { parentPort } from 'node:worker_threads';
import { readManifest } from './read.js';
import { loadSource, toData } from './source.js';

parentPort!.on('message', async ({ index, path, contextOnly, maxBytes, namespace }) => {
  const read = await readManifest(path, maxBytes);
  const result = 'text' in read ? { loaded: toData(loadSource(path, read.text, { contextOnly, namespace }), { namespace }) } : { finding: read.finding };
  parentPort!.postMessage({ index, ...result });
});
