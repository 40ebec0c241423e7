#!/usr/bin/env node
// The command line: the process's arguments, streams and exit code, handed to main (src/cli.ts).
import { finishOutput, main, output, readStream } from '../dist/src/cli.mjs';

const stdout = output(process.stdout);
const stderr = output(process.stderr);
const code = await main({
  argv: process.argv.slice(2),
  stdout: stdout.write,
  stderr: stderr.write,
  readStdin: (maxBytes) => readStream(process.stdin, maxBytes),
  isTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  stdinIsTTY: Boolean(process.stdin.isTTY),
  env: process.env,
  cwd: process.cwd(),
});
process.exitCode = await finishOutput(stdout, code, stderr.write);
