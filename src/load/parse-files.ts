import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { readManifest, type ReadResult } from './read.js';
import { fromData, loadSource, type LoadedSource, type LoadedSourceData, type LoadOptions } from './source.js';
import type { Finding } from '../types.js';

export interface FileToLoad {
  path: string;
  contextOnly: boolean;
}

/** A file loaded, or the finding saying why it could not be read (with whether the file was context only). */
export type FileOutcome = { loaded: LoadedSource } | { finding: Finding; contextOnly: boolean };

export interface LoadFilesOptions extends LoadOptions {
  /** Files larger than this many bytes are refused with a finding. */
  maxBytes?: number;
  /** Use threads from this many bytes of input on (tests lower it). */
  parallelMinBytes?: number;
}

/** Files read ahead of the one being parsed, on the main thread. */
const READ_AHEAD = 16;

/** Below this much YAML, starting threads (about 40 ms each) costs more than parsing on one core saves. */
const PARALLEL_MIN_BYTES = 2 * 1024 * 1024;

/**
 * Read and load files, in the order given. When there is enough to parse, files go to worker threads
 * (one per core, each taking the next file when done); the main thread only rebuilds the resources.
 */
export async function loadFiles(
  files: readonly FileToLoad[],
  options: LoadFilesOptions = {},
  onProgress: (done: number, total: number) => void = () => {},
): Promise<FileOutcome[]> {
  const { maxBytes, namespace, parallelMinBytes = PARALLEL_MIN_BYTES } = options;
  const threads = Math.min(availableParallelism(), files.length);
  const workerFile = workerModule();
  const sizes = files.map(({ path }) => sizeOf(path));
  if (threads < 2 || !workerFile || sizes.reduce((sum, size) => sum + size, 0) < parallelMinBytes) {
    const outcomes: FileOutcome[] = [];
    // Reads overlap (up to READ_AHEAD files ahead, so that the disk is not idle while a file is parsed); parsing
    // stays on this thread, in file order.
    const reads: Promise<ReadResult>[] = [];
    const readNext = () => {
      if (reads.length + outcomes.length < files.length) reads.push(readManifest(files[reads.length + outcomes.length].path, maxBytes));
    };
    for (let i = 0; i < READ_AHEAD; i++) readNext();
    for (const { path, contextOnly } of files) {
      const read = await reads.shift()!;
      outcomes.push('text' in read ? { loaded: loadSource(path, read.text, { contextOnly, namespace }) } : { finding: read.finding, contextOnly });
      readNext();
      onProgress(outcomes.length, files.length);
    }
    return outcomes;
  }
  // Largest files first, so that no thread is left with a big file at the end.
  const order = files.map((_, index) => index).sort((a, b) => sizes[b] - sizes[a] || a - b);
  return loadInThreads(files, order, threads, workerFile, { maxBytes, namespace }, onProgress);
}

function loadInThreads(
  files: readonly FileToLoad[],
  order: readonly number[],
  threads: number,
  workerFile: string,
  { maxBytes, namespace }: LoadFilesOptions,
  onProgress: (done: number, total: number) => void,
): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = new Array(files.length);
  let next = 0;
  let done = 0;
  return new Promise((resolve, reject) => {
    const workers = Array.from({ length: threads }, () => new Worker(workerFile));
    const send = (worker: Worker) => {
      if (next >= files.length) return;
      const index = order[next++];
      worker.postMessage({ index, path: files[index].path, contextOnly: files[index].contextOnly, maxBytes, namespace });
    };
    const finish = (error?: Error) => {
      for (const worker of workers) void worker.terminate();
      if (error) reject(error);
      else resolve(outcomes);
    };
    for (const worker of workers) {
      worker.on('message', (message: { index: number; loaded?: LoadedSourceData; finding?: Finding }) => {
        outcomes[message.index] = message.loaded
          ? { loaded: fromData(message.loaded) }
          : { finding: message.finding!, contextOnly: files[message.index].contextOnly };
        onProgress(++done, files.length);
        if (done === files.length) finish();
        else send(worker);
      });
      worker.on('error', finish);
      send(worker);
    }
  });
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0; // readManifest reports it
  }
}

/** The worker's module beside this one: the bundle (.mjs) or tsc's output (.js); none when running the sources. */
function workerModule(): string | undefined {
  return ['./parse-worker.mjs', './parse-worker.js']
    .map((name) => fileURLToPath(new URL(name, import.meta.url)))
    .find((file) => existsSync(file));
}
