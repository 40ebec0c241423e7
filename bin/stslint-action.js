#!/usr/bin/env node
// Entry point of the GitHub Action (action.yml). Inputs come from INPUT_* environment variables.
import { runActionProcess } from '../dist/src/action.mjs';

process.exitCode = await runActionProcess();
