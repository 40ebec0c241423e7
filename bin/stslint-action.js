#!/usr/bin/env node
// Entry point of the GitHub Action (action.yml). Inputs come from INPUT_* environment variables.
import { runAction } from '../dist/src/action.mjs';

process.exitCode = await runAction(process.env, (text) => process.stdout.write(text));
