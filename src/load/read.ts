import { isUtf8 } from 'node:buffer';
import { closeSync, constants, fstatSync, openSync, readSync, type Dirent, type Stats } from 'node:fs';
import { lstat, open, readdir, readlink, realpath, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import yamlSyntax from '../../rules/yaml-syntax/index.js';
import { ruleFinding } from '../linter/findings.js';
import type { Finding, MessageData, Range } from '../types.js';
import type { MessageIdOf } from '../linter/rule.js';

/** Files larger than this many bytes are refused with a finding instead of being parsed (128 MiB). */
export const DEFAULT_MAX_FILE_BYTES = 128 * 1024 * 1024;

export type ReadResult = { text: string } | { finding: Finding };

/** Read a file as UTF-8 text; anything that is not readable text becomes a finding saying why. */
export async function readManifest(path: string, maxBytes = DEFAULT_MAX_FILE_BYTES): Promise<ReadResult> {
  let handle: FileHandle;
  try {
    // O_NONBLOCK: opening a named pipe must not wait for a writer.
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const [messageId, data] = await whyNotOpened(path, error as NodeJS.ErrnoException);
    return refused(path, messageId, data);
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) {
      const [messageId, data] = await whyDirectory(path);
      return refused(path, messageId, data);
    }
    if (!info.isFile()) return refused(path, 'notRegularFile', { type: fileType(info) });
    if (info.size > maxBytes) return refused(path, 'tooLarge', { size: info.size, limit: maxBytes });
    const bytes = await readBytes(handle, info.size, maxBytes);
    return decodeManifest(path, bytes ?? new Uint8Array(), maxBytes, bytes !== undefined);
  } catch (error) {
    return refused(path, 'notRead', { reason: describeError(error as NodeJS.ErrnoException) });
  } finally {
    await handle.close();
  }
}

/**
 * `readManifest` without waiting on the thread pool: open, fstat, read and close as synchronous calls (one file, no
 * awaited round trips; for parsing threads and batches, whose event loop has nothing else to do). Gives what
 * `readManifest` gives for a regular file within `maxBytes`; undefined for anything else (a directory, a special or
 * too large file, a file that cannot be opened or read), which `readManifest` then explains.
 */
function readManifestSync(path: string, maxBytes = DEFAULT_MAX_FILE_BYTES): ReadResult | undefined {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    const info = fstatSync(fd);
    // Size 0: procfs and sysfs files say 0 and have more; readManifest reads them to their end.
    if (!info.isFile() || info.size === 0 || info.size > maxBytes) return undefined;
    const bytes = Buffer.allocUnsafe(info.size);
    let length = 0;
    while (length < info.size) {
      const read = readSync(fd, bytes, length, info.size - length, null);
      if (read === 0) break; // the file shrank since fstat
      length += read;
    }
    return decodeManifest(path, bytes.subarray(0, length), maxBytes);
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** Read a file as `readManifest` does, with synchronous calls when it is a plain regular file. */
export async function readManifestFast(path: string, maxBytes = DEFAULT_MAX_FILE_BYTES): Promise<ReadResult> {
  return readManifestSync(path, maxBytes) ?? readManifest(path, maxBytes);
}

type Why = [messageId: MessageIdOf<typeof yamlSyntax>, data?: MessageData];

/** A fatal yaml-syntax finding on the whole file (at its first character unless `range` says where). */
function refused(path: string, messageId: Why[0], data: MessageData = {}, range?: Range): ReadResult {
  return { finding: ruleFinding(yamlSyntax, messageId, data, { file: path, range, fatal: true }) };
}

/** Bytes read for a file whose size is unknown (procfs and sysfs files report 0); the buffer doubles from there. */
const FIRST_READ_BYTES = 64 * 1024;

/**
 * The file's bytes: as many as its size when it was opened, or, for a file whose size the system gives as 0 (procfs,
 * sysfs), up to its end; undefined when there are more than `maxBytes`.
 */
async function readBytes(handle: FileHandle, size: number, maxBytes: number): Promise<Uint8Array | undefined> {
  let bytes = Buffer.allocUnsafe(Math.min(size > 0 ? size : FIRST_READ_BYTES, maxBytes + 1));
  let length = 0;
  for (;;) {
    const { bytesRead } = await handle.read(bytes, length, bytes.length - length, null);
    if (bytesRead === 0 || (size > 0 && length + bytesRead === size)) return bytes.subarray(0, length + bytesRead);
    length += bytesRead;
    if (length > maxBytes) return undefined;
    if (length === bytes.length) {
      const grown = Buffer.allocUnsafe(Math.min(bytes.length * 2, maxBytes + 1));
      bytes.copy(grown, 0, 0, length);
      bytes = grown;
    }
  }
}

async function whyNotOpened(path: string, error: NodeJS.ErrnoException): Promise<Why> {
  if (error.code === 'ENOENT') {
    const target = await readlink(path).catch(() => undefined);
    if (target !== undefined) return ['brokenLink', { target }];
    const entry = path.includes('\uFFFD') ? await nonUtf8Entry(path) : undefined;
    if (entry) return [entry.isDirectory() ? 'directoryNotRead' : 'notRead', { reason: NON_UTF8_NAME }];
    return ['removed'];
  }
  if (error.code === 'ELOOP') return ['linkLoop'];
  if (error.code === 'ENXIO') return ['notRegularFile', { type: 'socket' }];
  const isDirectory = await stat(path).then((info) => info.isDirectory(), () => false);
  return [isDirectory ? 'directoryNotRead' : 'notRead', { reason: describeError(error) }];
}

const NON_UTF8_NAME = 'its name is not valid UTF-8 (stslint shows such bytes as U+FFFD); rename it';

/**
 * The directory entry a path names when its name is not UTF-8: Node decodes such names (from readdir, or from the
 * command line) with U+FFFD in place of the bad bytes, so the path no longer leads to the file. Undefined when the
 * directory holds no such entry.
 */
export async function nonUtf8Entry(path: string): Promise<Dirent<Buffer> | undefined> {
  const entries = (await readdir(dirname(path), { withFileTypes: true, encoding: 'buffer' }).catch(() => [])) as Dirent<Buffer>[];
  const name = basename(path);
  return entries.find((entry) => !isUtf8(entry.name) && entry.name.toString('utf8') === name);
}

async function whyDirectory(path: string): Promise<Why> {
  const unreadable = await readdir(path).then(() => undefined, (error: NodeJS.ErrnoException) => error);
  if (unreadable) return ['directoryNotRead', { reason: describeError(unreadable) }];
  if ((await lstat(path)).isSymbolicLink()) return ['directoryLoop', { target: await realpath(path) }];
  return ['isDirectory'];
}

function describeError(error: NodeJS.ErrnoException): string {
  if (error.code === 'EACCES' || error.code === 'EPERM') return 'permission denied';
  return `${error.code ?? ''} ${error.message}`.replace(/\s+/g, ' ').trim();
}

function fileType(info: Stats): string {
  if (info.isFIFO()) return 'named pipe';
  if (info.isSocket()) return 'socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'device';
  return 'special file';
}

/**
 * Decode bytes (a file, or standard input) as UTF-8 text; binary, UTF-16 or invalid bytes become a finding at the
 * first bad character. `complete: false` says reading stopped past `maxBytes` (the input is larger than that).
 */
export function decodeManifest(path: string, bytes: Uint8Array, maxBytes = DEFAULT_MAX_FILE_BYTES, complete = true): ReadResult {
  if (!complete) return refused(path, 'tooLargeStream', { limit: maxBytes });
  if (bytes.length > maxBytes) return refused(path, 'tooLarge', { size: bytes.length, limit: maxBytes });
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return refused(path, 'utf16');
  const hasNul = bytes.includes(0);
  if (!hasNul) {
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
    } catch {
      // Not UTF-8: reported below, where the first bad byte is.
    }
  }
  const lenient = new TextDecoder('utf-8').decode(bytes);
  const [messageId, bad] = hasNul ? (['binary', '\u0000'] as const) : (['notUtf8', '\uFFFD'] as const);
  return refused(path, messageId, {}, positionOf(lenient, lenient.indexOf(bad)));
}

function positionOf(text: string, index: number): Range | undefined {
  if (index < 0) return undefined;
  const lineStart = text.lastIndexOf('\n', index - 1) + 1;
  let line = 1;
  for (let newline = text.indexOf('\n'); newline !== -1 && newline < index; newline = text.indexOf('\n', newline + 1)) line++;
  const column = index - lineStart + 1;
  return { line, column, endLine: line, endColumn: column + 1 };
}
