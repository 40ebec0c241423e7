import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { readManifestFast } from './read.js';
import { fromData, loadSource, type LoadedSource, type LoadedSourceData, type LoadOptions } from './source.js';
import type { Finding } from '../types.js';

export interface FileToLoad {
  path: string;
  contextOnly: boolean;
}

/** A file loaded, or the finding saying why it could not be read (with whether the file was context only). */
export type FileOutcome = { loaded: LoadedSource } | { finding: Finding; contextOnly: boolean };

/** `loader` is not taken here: STSLINT_LOADER=reference chooses the path for the threads too (resource.ts). */
export interface LoadFilesOptions extends Omit<LoadOptions, 'loader' | 'contextOnly'> {
  /** Files larger than this many bytes are refused with a finding. */
  maxBytes?: number;
  /**
   * Worker threads to start at most, besides the main thread, which parses too (default: one per core but one).
   * Fewer start when there are few bytes: see BYTES_PER_WORKER. Tests set both to compare the paths.
   */
  workers?: number;
  /** Bytes of input per worker thread started (default BYTES_PER_WORKER). */
  bytesPerWorker?: number;
}

/**
 * Bytes of input per worker thread started, in bytes. Each thread compiles and warms up the parser on its own and
 * every object it parses is copied to the main thread, which pays only on large inputs. Measured by hand on 2 cores
 * with the bundles' js-yaml (scripts/js-yaml-state.mjs; BENCHMARKS.md, reading of 2026-11-30): one worker made
 * `bulk/` (17 MB, large documents) slower (1.60 s alone against 1.71 s with it, best of 4) and 4 MB of small files
 * too (0.87 s against 1.10 s), while 40 MB of small files gained (5.91 s alone, 5.46 s with it).
 */
const BYTES_PER_WORKER = 32 * 1024 * 1024;

/** A batch sent to a worker holds at most this many files... */
const BATCH_FILES = 64;
/** ...and about this many bytes, less near the end of the queue so that every thread finishes at about the same time. */
const BATCH_BYTES = 1024 * 1024;

/** One file of the queue: its position in the input and its size in bytes (0 when unknown). */
interface Queued {
  index: number;
  size: number;
}

interface WorkerReply {
  results: { index: number; loaded?: LoadedSourceData; finding?: Finding }[];
}

/**
 * Read and load files; the outcomes are in the order given, and the same whichever thread loaded a file. With
 * enough bytes, worker threads (one per core but one, see BYTES_PER_WORKER) take batches of files from a queue,
 * largest files first, read and parse them and send back plain data; the main thread takes batches from the same
 * queue and parses them itself between the workers' replies.
 */
export async function loadFiles(
  files: readonly FileToLoad[],
  options: LoadFilesOptions = {},
  onProgress: (done: number, total: number) => void = () => {},
): Promise<FileOutcome[]> {
  const { workers = availableParallelism() - 1, bytesPerWorker = BYTES_PER_WORKER } = options;
  const workerFile = workerModule() ?? '';
  const sizes = workerFile && workers > 0 ? files.map(({ path }) => sizeOf(path)) : [];
  const bytes = sizes.reduce((sum, size) => sum + size, 0);
  const threads = Math.max(0, Math.min(workers, files.length - 1, Math.floor(bytes / Math.max(1, bytesPerWorker))));
  const outcomes: FileOutcome[] = new Array(files.length);
  let done = 0;
  const settle = (index: number, outcome: FileOutcome) => {
    outcomes[index] = outcome;
    onProgress(++done, files.length);
  };
  if (threads === 0) {
    for (let index = 0; index < files.length; index++) settle(index, await loadOne(files[index], options));
    return outcomes;
  }
  const queue = new BatchQueue(sizes, threads + 1);
  await new Promise<void>((resolve, reject) => {
    const pool = Array.from({ length: threads }, () => new Worker(workerFile));
    let failed = false;
    const finish = (error?: Error) => {
      for (const worker of pool) void worker.terminate();
      if (error) {
        failed = true;
        reject(error);
      } else resolve();
    };
    const send = (worker: Worker) => {
      const batch = queue.take();
      if (batch.length === 0) return;
      worker.postMessage({ batch: batch.map(({ index }) => ({ index, ...files[index] })), maxBytes: options.maxBytes, namespace: options.namespace });
    };
    for (const worker of pool) {
      worker.on('message', ({ results }: WorkerReply) => {
        for (const { index, loaded, finding } of results) {
          settle(index, loaded ? { loaded: fromData(loaded) } : { finding: finding!, contextOnly: files[index].contextOnly });
        }
        if (done === files.length) finish();
        else send(worker);
      });
      worker.on('error', finish);
      worker.on('exit', (code) => {
        if (!failed && done < files.length) finish(new Error(`a parsing thread stopped (exit ${code}) before its files were loaded`));
      });
      // Two batches in flight: the worker parses the next while the main thread takes in the last.
      send(worker);
      send(worker);
    }
    void (async () => {
      for (let batch = queue.take(); batch.length > 0 && !failed; batch = queue.take()) {
        for (const { index } of batch) settle(index, await loadOne(files[index], options));
        // Let the workers' replies in between the main thread's own batches.
        await new Promise((resume) => setImmediate(resume));
      }
      if (done === files.length && !failed) finish();
    })().catch(finish);
  });
  return outcomes;
}

/** Read and load one file on this thread. */
export async function loadOne({ path, contextOnly }: FileToLoad, { maxBytes, namespace }: LoadFilesOptions): Promise<FileOutcome> {
  const read = await readManifestFast(path, maxBytes);
  return 'text' in read ? { loaded: loadSource(path, read.text, { contextOnly, namespace }) } : { finding: read.finding, contextOnly };
}

/**
 * The files not yet taken, largest first (so that no thread is left with a big file at the end), handed out in
 * batches of up to BATCH_FILES files and BATCH_BYTES bytes; near the end a batch holds at most a share of what is
 * left for each of `threads` threads.
 */
class BatchQueue {
  private readonly queued: Queued[];
  private next = 0;
  private bytesLeft: number;

  constructor(sizes: readonly number[], private readonly threads: number) {
    this.queued = sizes.map((size, index) => ({ index, size })).sort((a, b) => b.size - a.size || a.index - b.index);
    this.bytesLeft = this.queued.reduce((sum, { size }) => sum + size, 0);
  }

  take(): Queued[] {
    const limit = Math.min(BATCH_BYTES, this.bytesLeft / (2 * this.threads));
    const filesLimit = Math.min(BATCH_FILES, Math.ceil((this.queued.length - this.next) / (2 * this.threads)));
    const batch: Queued[] = [];
    let bytes = 0;
    while (this.next < this.queued.length && batch.length < filesLimit && (batch.length === 0 || bytes < limit)) {
      const file = this.queued[this.next++];
      batch.push(file);
      bytes += file.size;
    }
    this.bytesLeft -= bytes;
    return batch;
  }
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
