#!/usr/bin/env node
// Entry point of the GitHub Action (action.yml). Inputs come from INPUT_* environment variables.
// CommonJS, as all of bin/ (bin/package.json): the Action's bundle is an ES module, imported.
import('../dist/src/action.mjs').then(async ({ finishOutput, output, runAction }) => {
  const stdout = output(() => process.stdout);
  process.exitCode = await finishOutput(stdout, await runAction(process.env, stdout.write), output(() => process.stderr).write);
});
