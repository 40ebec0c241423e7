// A parsing thread: reads and loads the batches of files the main thread sends and answers each batch with the
// loaded sources as plain data (see parse-files.ts).
import { parentPort } from 'node:worker_threads';
import { loadOne, type FileToLoad } from './parse-files.js';
import { toData } from './source.js';
import type { NamespaceOption } from './resource.js';

interface Batch extends NamespaceOption {
  batch: (FileToLoad & { index: number })[];
  maxBytes?: number;
}

parentPort!.on('message', async ({ batch, maxBytes, namespace }: Batch) => {
  const results = [];
  // The packed events the outlines will be built from (event-outline.ts) are moved to the main thread, not copied.
  const moved = new Set<ArrayBuffer>();
  for (const file of batch) {
    const outcome = await loadOne(file, { maxBytes, namespace });
    if ('loaded' in outcome) for (const { outline } of outcome.loaded.resources) if (outline.events) moved.add(outline.events.tape.buffer as ArrayBuffer);
    results.push({ index: file.index, ...('loaded' in outcome ? { loaded: toData(outcome.loaded, { namespace }) } : { finding: outcome.finding }) });
  }
  parentPort!.postMessage({ results }, [...moved]);
});
