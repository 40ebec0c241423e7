#!/usr/bin/env node
// The command line: the process's arguments, streams and exit code, handed to main (src/cli.ts).
// CommonJS, as all of bin/ (bin/package.json): an ES module entry point costs Node's ES module loader about 4 ms
// at every start. cli-start.cjs loads the CLI bundle with its code cache (scripts/bundle.mjs).
const { finishOutput, main, output, readStream } = require('../dist/src/cli-start.cjs');

// The streams are set up on first use (getters below too): a run that writes its report to a file touches none.
const stdout = output(() => process.stdout);
const stderr = output(() => process.stderr);
main({
  argv: process.argv.slice(2),
  stdout: stdout.write,
  stderr: stderr.write,
  readStdin: (maxBytes) => readStream(process.stdin, maxBytes),
  get isTTY() {
    return Boolean(process.stdout.isTTY);
  },
  get stderrIsTTY() {
    return Boolean(process.stderr.isTTY);
  },
  get stdinIsTTY() {
    return Boolean(process.stdin.isTTY);
  },
  env: process.env,
  cwd: process.cwd(),
})
  .then((code) => finishOutput(stdout, code, stderr.write))
  .then((code) => {
    process.exitCode = code;
  });
