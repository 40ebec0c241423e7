#!/usr/bin/env node
// Entry point of the GitHub Action (action.yml). Inputs come from INPUT_* environment variables.
import { finishOutput, output, runAction } from '../dist/src/action.mjs';

const stdout = output(() => process.stdout);
process.exitCode = await finishOutput(stdout, await runAction(process.env, stdout.write), output(() => process.stderr).write);
