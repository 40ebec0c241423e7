#!/usr/bin/env node
import { runProcess } from '../dist/src/cli.mjs';

process.exitCode = await runProcess();
