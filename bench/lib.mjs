// Helpers shared by the measured scripts: the same file discovery as stslint, and one summary line on stdout.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const MANIFEST = /\.(ya?ml|json)$/;
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

/** Files under the given paths (directories walked for .yaml, .yml, .json), sorted, as stslint collects them. */
export function manifestFiles(paths) {
  const files = new Set();
  for (const path of paths) collect(resolve(path), files);
  return [...files].sort();
}

function collect(path, files) {
  if (!statSync(path).isDirectory()) {
    files.add(path);
    return;
  }
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const child = join(path, entry.name);
    if (entry.isDirectory() && !SKIPPED_DIRECTORIES.has(entry.name)) collect(child, files);
    else if (entry.isFile() && MANIFEST.test(entry.name)) files.add(child);
  }
}

/**
 * Read every file under the paths and hand its text to `countDocuments`, which parses it and returns the number of
 * documents loaded; a throw counts as an error. Prints the summary line.
 */
export function parseFiles(paths, countDocuments) {
  const files = manifestFiles(paths);
  const summary = { files: files.length, bytes: 0, documents: 0, errors: 0 };
  for (const file of files) {
    const buffer = readFileSync(file);
    summary.bytes += buffer.length;
    try {
      summary.documents += countDocuments(buffer.toString('utf8'), file);
    } catch {
      summary.errors++;
    }
  }
  printSummary(summary);
}

/** The last line a measured script prints: what it read, as JSON, for the orchestrator. */
export function printSummary(summary) {
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

/** Monokle plugins that run offline; kubernetes-schema, open-policy-agent and admission-policy download schemas or WASM. */
export const OFFLINE_PLUGINS = ['yaml-syntax', 'resource-links', 'pod-security-standards', 'practices', 'metadata'];
