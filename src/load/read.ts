import { constants, type Stats } from 'node:fs';
import { lstat, open, readdir, readlink, realpath, stat, type FileHandle } from 'node:fs/promises';
import yamlSyntax from '../../rules/yaml-syntax/index.js';
import { ruleFinding } from '../linter/findings.js';
import type { Finding, MessageData, MessageIdOf, Range } from '../types.js';

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
    return decodeManifest(path, await readBytes(handle, info.size), maxBytes);
  } catch (error) {
    return refused(path, 'notRead', { reason: describeError(error as NodeJS.ErrnoException) });
  } finally {
    await handle.close();
  }
}

type Why = [messageId: MessageIdOf<typeof yamlSyntax>, data?: MessageData];

/** A fatal yaml-syntax finding on the whole file (at its first character unless `range` says where). */
function refused(path: string, messageId: Why[0], data: MessageData = {}, range?: Range): ReadResult {
  return { finding: ruleFinding(yamlSyntax, messageId, data, { file: path, range, fatal: true }) };
}

async function readBytes(handle: FileHandle, size: number): Promise<Uint8Array> {
  const bytes = Buffer.alloc(size);
  let length = 0;
  while (length < size) {
    const { bytesRead } = await handle.read(bytes, length, size - length, length);
    if (bytesRead === 0) break;
    length += bytesRead;
  }
  return bytes.subarray(0, length);
}

async function whyNotOpened(path: string, error: NodeJS.ErrnoException): Promise<Why> {
  if (error.code === 'ENOENT') {
    const target = await readlink(path).catch(() => undefined);
    return target !== undefined ? ['brokenLink', { target }] : ['removed'];
  }
  if (error.code === 'ELOOP') return ['linkLoop'];
  if (error.code === 'ENXIO') return ['notRegularFile', { type: 'socket' }];
  const isDirectory = await stat(path).then((info) => info.isDirectory(), () => false);
  return [isDirectory ? 'directoryNotRead' : 'notRead', { reason: describeError(error) }];
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

/** Decode bytes (a file, or standard input) as UTF-8 text; binary, UTF-16 or invalid bytes become a finding at the first bad character. */
export function decodeManifest(path: string, bytes: Uint8Array, maxBytes = DEFAULT_MAX_FILE_BYTES): ReadResult {
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
