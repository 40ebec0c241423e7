/**
 * The standard streams as the command-line front ends (bin/stslint.js, bin/stslint-action.js) hand them to stslint:
 * output that stops quietly once the reader is gone and reports any other failure, and standard input read as it
 * arrives, up to a size limit.
 */
import { resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import type { Io, StdinInput } from './io.js';
import type { RawInput } from './lint.js';
import { DEFAULT_MAX_FILE_BYTES } from './load/read.js';
import { UsageError } from './util/errors.js';

/** An output stream whose write failures do not throw where they happen. */
export interface Output {
  /** Write text; does nothing once the stream has failed or its reader has gone. */
  write(text: string): void;
  /**
   * Resolves once everything written has been handed to the system: with undefined, or with the first write
   * error other than EPIPE (a full disk: ENOSPC). EPIPE (`stslint rules | head -1`: the reader closed the pipe)
   * is not a failure: the rest of the output is dropped, as Unix tools do.
   */
  finish(): Promise<NodeJS.ErrnoException | undefined>;
}

/**
 * Wrap a writable stream (`() => process.stdout`), got on the first write: a run whose report goes to a file never
 * makes Node set up standard output (a pipe's socket costs start-up time). Node reports a failed write on the
 * stream's 'error' event, after the write returned; without a listener that is an uncaught exception and a stack
 * trace. Here the first error is kept and told by `finish`.
 */
export function output(open: () => Writable): Output {
  let stream: Writable | undefined;
  let failure: NodeJS.ErrnoException | undefined;
  let readerGone = false;
  const onError = (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') readerGone = true;
    else failure ??= error;
  };
  return {
    write(text) {
      if (readerGone || failure) return;
      if (!stream) (stream = open()).on('error', onError);
      stream.write(text);
    },
    finish() {
      const written = stream;
      if (!written || readerGone || failure) return Promise.resolve(failure);
      return new Promise((resolve) =>
        written.write('', (error?: Error | null) => {
          if (error) onError(error as NodeJS.ErrnoException);
          resolve(failure);
        }),
      );
    },
  };
}

/**
 * Read a stream (standard input) to its end, chunk by chunk as it arrives, keeping at most `maxBytes` + 1 bytes:
 * past the limit, reading stops (and the stream is destroyed) with `complete: false`, so a huge or endless input
 * costs no more memory than the limit. Reading through the stream (not readFileSync(0)) also works when standard
 * input is non-blocking, where a synchronous read fails with EAGAIN.
 */
export async function readStream(stream: Readable, maxBytes: number): Promise<StdinInput> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += bytes.length;
    if (size > maxBytes) {
      stream.destroy();
      return { bytes: new Uint8Array(), complete: false };
    }
    chunks.push(bytes);
  }
  return { bytes: Buffer.concat(chunks, size), complete: true };
}

/**
 * The exit code once standard output is finished: `code`, or 2 with one line on standard error when the output
 * could not be written (a full disk: `stslint … > /dev/full`); a reader that has gone (EPIPE) is no failure.
 */
export async function finishOutput(stdout: Output, code: number, stderr: (text: string) => void): Promise<number> {
  const failure = await stdout.finish();
  if (!failure) return code;
  const reason = failure.code === 'ENOSPC' ? 'no space left on the device' : failure.message;
  stderr(`stslint: cannot write the report to standard output: ${reason}\n`);
  return 2;
}

/**
 * Standard input as a raw input, under --stdin-filename. Throws UsageError when it holds no document at all (a
 * `helm template … | stslint -` whose first command failed must not pass): nothing but blanks, comments and
 * document markers.
 */
export async function readStandardInput(io: Io, stdinFilename: string | undefined, maxBytes = DEFAULT_MAX_FILE_BYTES): Promise<RawInput> {
  if (io.stdinIsTTY) io.stderr('stslint: reading standard input until end of file (Ctrl-D)\n');
  const { bytes, complete } = await io.readStdin(maxBytes);
  if (complete && isBlank(bytes)) throw new UsageError('Standard input is empty: no YAML document to lint (did the command before the pipe fail?)');
  return { path: stdinFilename ? resolve(io.cwd, stdinFilename) : '<stdin>', bytes, complete };
}

/** Nothing but whitespace, comments, document markers (`---`, `...`) and directives (`%YAML 1.2`). */
function isBlank(bytes: Uint8Array): boolean {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8').replace(/^\uFEFF/, '');
  return text.split(/\r\n|\r|\n/).every((line) => /^\s*(?:#.*)?$|^(?:---|\.\.\.)(?:\s.*)?$|^%/.test(line) && !/^---\s+[^\s#]/.test(line));
}
