#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { main } from '../dist/src/cli.mjs';

// No top-level await: scripts/sea.mjs bundles this file as CommonJS for the single executable.
main({
  argv: process.argv.slice(2),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: () => readFileSync(0),
  isTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  env: process.env,
  cwd: process.cwd(),
}).then((code) => {
  process.exitCode = code;
});
