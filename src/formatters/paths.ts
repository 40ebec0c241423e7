import { isAbsolute, relative, sep } from 'node:path';

/**
 * A result's file as CI systems want it: relative to cwd with forward slashes when the file is
 * inside cwd; otherwise unchanged (absolute paths elsewhere, or a display name such as `<stdin>`).
 */
export function pathFromCwd(filePath: string, cwd: string): string {
  if (!isAbsolute(filePath)) return filePath;
  const path = relative(cwd, filePath);
  if (path === '' || path === '..' || path.startsWith(`..${sep}`) || isAbsolute(path)) return filePath;
  return path.split(sep).join('/');
}
