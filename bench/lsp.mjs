// The language server on a workspace of about 1,000 manifests (the statefulsets corpus copied 13 times): how long
// a change in one file takes to come back as diagnostics, the debounce (150 ms) not counted, and how long the first
// diagnostics take (the workspace read included). The file changed is the first StatefulSet file: a 150 KB
// multi-document install (Argo CD HA), the replica count of its StatefulSet edited as typing does.
// Usage: node bench/lsp.mjs [changes=30]   Prints one JSON line:
//   {files, changes, medianMs, p90Ms, maxMs, firstDiagnosticsMs, serverCpuMsPerChange, load: [1-min load before, after]}
// serverCpuMsPerChange: the server's CPU time (user + system, /proc) during the changes, per change (null off Linux).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  InitializeRequest,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { generateRepo } from './generate-repo.mjs';
import { manifestFiles } from './lib.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEBOUNCE_MS = 150;
const changes = Number(process.argv[2] ?? 30);

const workspace = generateRepo(13);
const files = manifestFiles([workspace]);
const file = files.find((path) => /kind: StatefulSet/.test(readFileSync(path, 'utf8')));
const text = readFileSync(file, 'utf8');
const uri = pathToFileURL(file).href;

// STSLINT_LSP_NODE_ARGS: extra node flags for the server, e.g. '--cpu-prof --cpu-prof-dir=/tmp/prof' to profile it.
const nodeArgs = (process.env.STSLINT_LSP_NODE_ARGS ?? '').split(' ').filter(Boolean);
const child = spawn(process.execPath, [...nodeArgs, join(ROOT, 'bin/stslint-lsp.js')], { stdio: ['pipe', 'pipe', 'inherit'] });
const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
let waiting;
connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
  if (params.uri === uri && waiting) waiting(params.diagnostics);
});
connection.onRequest('client/registerCapability', () => null);
connection.listen();
const next = () => new Promise((resolve) => (waiting = resolve));

const started = performance.now();
await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: pathToFileURL(workspace).href, capabilities: {} });
await connection.sendNotification('initialized', {});
let published = next();
await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
await published;
const firstMs = performance.now() - started;

const loadBefore = loadavg()[0];
const cpuBefore = cpuMs(child.pid);
const latencies = [];
for (let version = 2; version < changes + 2; version++) {
  published = next();
  const sent = performance.now();
  // Each change edits a value, as typing does: the replica count goes up and down.
  const changed = text.replace(/replicas: \d+/, `replicas: ${version % 5 + 1}`);
  await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: changed }] });
  await published;
  latencies.push(performance.now() - sent - DEBOUNCE_MS);
}
const cpuAfter = cpuMs(child.pid);
await connection.sendRequest('shutdown');
await connection.sendNotification('exit');
latencies.sort((a, b) => a - b);
const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
console.log(
  JSON.stringify({
    files: files.length,
    changes: latencies.length,
    medianMs: Math.round(at(0.5)),
    p90Ms: Math.round(at(0.9)),
    maxMs: Math.round(latencies.at(-1)),
    firstDiagnosticsMs: Math.round(firstMs),
    serverCpuMsPerChange: cpuBefore === null || cpuAfter === null ? null : Math.round((cpuAfter - cpuBefore) / latencies.length),
    load: [loadBefore, loadavg()[0]].map((load) => Math.round(load * 100) / 100),
  }),
);
process.exit(0);

/** CPU time (user + system, milliseconds) of a process so far, from /proc; null where there is none. */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime are fields 14 and 15 of the line, in clock ticks (100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}
