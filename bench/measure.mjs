// Run one command in a new process and measure it: wall time around the spawn, peak RSS and CPU time of the process.
// Peak RSS and CPU come from GNU time (`/usr/bin/time`, Debian package `time`) when present; otherwise the child
// is a Node process started with `--import bench/rss-probe.mjs`, which writes its own getrusage() figures on exit.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const GNU_TIME = '/usr/bin/time';
const PROBE = new URL('./rss-probe.mjs', import.meta.url).href;

/** 'gnu-time' when /usr/bin/time is GNU time, else 'probe'. */
export function rssMethod(forceProbe = false) {
  if (forceProbe || !existsSync(GNU_TIME)) return 'probe';
  const check = spawnSync(GNU_TIME, ['-f', '%M', 'true'], { encoding: 'utf8' });
  return check.status === 0 && /^\d+\s*$/.test(check.stderr) ? 'gnu-time' : 'probe';
}

/**
 * Spawn `node ...nodeArgs` and measure it.
 * Returns { wallMs, rssKB, cpuMs, status, stdout, stderr, timedOut }.
 */
export function measureNode(nodeArgs, { cwd, method, timeoutSeconds }) {
  const scratch = mkdtempSync(join(tmpdir(), 'stslint-bench-'));
  const usageFile = join(scratch, 'usage');
  // coreutils `timeout` kills the node process itself; killing GNU time would leave it running.
  const limit = timeoutSeconds ? ['timeout', '-k', '5', String(timeoutSeconds)] : [];
  const [command, ...args] =
    method === 'gnu-time'
      ? [GNU_TIME, '-f', '%M %U %S', '-o', usageFile, ...limit, process.execPath, ...nodeArgs]
      : [...limit, process.execPath, '--import', PROBE, ...nodeArgs];
  const env = method === 'gnu-time' ? process.env : { ...process.env, STSLINT_BENCH_USAGE_FILE: usageFile };
  const start = process.hrtime.bigint();
  const child = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  const usage = existsSync(usageFile) ? readUsage(readFileSync(usageFile, 'utf8')) : {};
  rmSync(scratch, { recursive: true, force: true });
  return {
    wallMs,
    ...usage,
    status: child.status,
    stdout: child.stdout,
    stderr: child.stderr,
    timedOut: child.status === 124 || child.status === 137,
  };
}

/** Both writers leave "<maxRSS KB> <user s> <system s>" on the last line (GNU time may add a status line first). */
function readUsage(text) {
  const last = text.trim().split('\n').at(-1) ?? '';
  const [rss, user, system] = last.split(' ').map(Number);
  if (![rss, user, system].every(Number.isFinite)) return {};
  return { rssKB: rss, cpuMs: (user + system) * 1000 };
}
