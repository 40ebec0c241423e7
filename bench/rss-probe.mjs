// Fallback when GNU time is missing: preloaded with `node --import`, writes this process's peak RSS (KB) and
// CPU time (s) in GNU time's "%M %U %S" layout on exit. getrusage covers every thread, worker threads included.
import { writeFileSync } from 'node:fs';

const file = process.env.STSLINT_BENCH_USAGE_FILE;
if (file) {
  delete process.env.STSLINT_BENCH_USAGE_FILE; // not inherited by grandchildren
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(file, `${usage.maxRSS} ${usage.userCPUTime / 1e6} ${usage.systemCPUTime / 1e6}\n`);
  });
}
