import { unlinkSync } from 'node:fs';
import { mkdir, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UsageError } from './util/errors.js';
import { bounded } from './util/sanitize.js';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Errors said in words; others keep Node's message. mkdir says EEXIST, stat ENOTDIR when a parent is a file. */
const REASONS: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EEXIST: 'a directory on its path is a file',
  ENOTDIR: 'a directory on its path is a file',
};

/**
 * Write a report (`--output-file`, the Action's `sarif-file`) so that the file is never seen half-written: the
 * missing directories are created (as ESLint does), the text goes to a temporary file in the same directory, which
 * then replaces the report in one rename. A previous report stays whole until then; a full disk or a signal during
 * the write leaves it as it was, and the temporary file is removed. A path that exists and is not a regular file
 * (`/dev/stdout`, a named pipe, a device) is written in place. Throws UsageError ("Cannot write the report to …")
 * on any failure.
 */
export async function writeReportFile(path: string, text: string): Promise<void> {
  try {
    const existing = await stat(path).catch(() => undefined);
    if (existing && !existing.isFile()) return await writeFile(path, text);
    // A link to a report: the report is replaced, beside itself; the link stays.
    const target = existing ? await realpath(path) : path;
    await mkdir(dirname(target), { recursive: true });
    await replaceAtomically(target, text);
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    const reason = REASONS[code ?? ''] ?? message;
    throw new UsageError(`Cannot write the report to ${bounded(path)}: ${reason}`);
  }
}

async function replaceAtomically(target: string, text: string): Promise<void> {
  // The process id and a random part keep concurrent runs apart; 'wx' below refuses a name that exists (a link
  // planted there included), so the name needs no cryptographic randomness: node:crypto would cost 4 ms to load.
  const unique = `${process.pid}.${Math.random().toString(36).slice(2, 10)}`;
  const temporary = join(dirname(target), `.${basename(target)}.${unique}.tmp`);
  // A signal during the write: remove the temporary file, then die of the signal as if no handler were set.
  const onSignal = (signal: NodeJS.Signals) => {
    try {
      unlinkSync(temporary);
    } finally {
      for (const name of SIGNALS) process.removeListener(name, onSignal);
      process.kill(process.pid, signal);
    }
  };
  for (const name of SIGNALS) process.on(name, onSignal);
  try {
    await writeFile(temporary, text, { flag: 'wx' });
    await rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => {});
    throw error;
  } finally {
    for (const name of SIGNALS) process.removeListener(name, onSignal);
  }
}
