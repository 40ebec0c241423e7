import dns from 'node:dns';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { join, relative, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lintFiles } from '../../src/lint.js';
import { CORPUS, tempDir } from './helpers.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

const SOURCES = [...sourceFiles(resolve('src')), ...sourceFiles(resolve('rules'))].map((file) => ({
  file: relative(resolve('.'), file),
  // Comments do not run.
  code: readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|(^|[^:'"`])\/\/.*$/gm, '$1'),
}));

function filesMatching(pattern: RegExp): string[] {
  return SOURCES.filter(({ code }) => pattern.test(code)).map(({ file }) => file);
}

describe('what the code base can do (a change here needs a security review)', () => {
  it('has the sources to scan', () => {
    expect(SOURCES.length).toBeGreaterThan(30);
  });

  it('never opens a network connection', () => {
    expect(filesMatching(/from '(node:)?(net|http|https|http2|tls|dgram|dns|undici)'|\bfetch\(|WebSocket|XMLHttpRequest/)).toEqual([]);
  });

  it('never runs code from a manifest or a configuration file: no eval, no new Function, vm only for its own bundles', () => {
    expect(filesMatching(/\beval\(|new Function\(/)).toEqual([]);
    // src/compile-cache.ts compiles stslint's own CommonJS bundles (the CLI, the compiled schemas) with a V8 code
    // cache: the only vm use, called only with the package's own files.
    expect(filesMatching(/from '(node:)?vm'/)).toEqual(['src/compile-cache.ts']);
    expect(filesMatching(/\bloadCompiled\(/)).toEqual(['src/compile-cache.ts', 'src/util/package.ts']);
    const packageCode = SOURCES.find(({ file }) => file === 'src/util/package.ts')!.code;
    expect(packageCode.match(/loadCompiled\(([^)]*\))/g)).toEqual(['loadCompiled(pathToFileURL(`${PACKAGE.root}${path}`)']);
    expect(readFileSync('scripts/bundle.mjs', 'utf8')).toContain("loadCompiled(new URL('./cli.cjs', pathToFileURL(__filename)))");
  });

  // `--base REF` reads the manifests of a git revision with the real git program: the one process stslint starts.
  // It runs `git` itself (execFileSync, no shell) with read-only plumbing commands (rev-parse, ls-tree, cat-file),
  // the revision given after --end-of-options so that it can never be read as an option.
  it('starts a process only to read a git revision, running git without a shell', () => {
    expect(filesMatching(/from '(node:)?child_process'|\(['"](node:)?child_process['"]\)/)).toEqual(['src/base/git.ts']);
    const git = SOURCES.find(({ file }) => file === 'src/base/git.ts')!.code;
    expect(git.match(/\b(exec|execFile|execFileSync|execSync|spawn|spawnSync|fork)\(/g)).toEqual(['execFileSync(']);
    expect(git).toContain("execFileSync('git', ['--literal-pathspecs', ...args]");
    expect(git).not.toMatch(/shell:/);
    for (const command of ['rev-parse', 'ls-tree', 'cat-file']) expect(git).toContain(`'${command}'`);
    expect(git).not.toMatch(/'(checkout|switch|restore|stash|reset|add|commit|worktree|fetch|pull|push|clean|update-index|update-ref|gc|config|show|log)'/);
    expect(git).toContain("'--end-of-options', `${ref}^{commit}`");
  });

  it('starts threads only to parse files, running its own parse-worker module', () => {
    expect(filesMatching(/from '(node:)?worker_threads'/)).toEqual(['src/load/parse-files.ts', 'src/load/parse-worker.ts']);
    expect(filesMatching(/new Worker\(/)).toEqual(['src/load/parse-files.ts']);
    const parseFiles = SOURCES.find(({ file }) => file === 'src/load/parse-files.ts')!.code;
    expect(parseFiles.match(/new Worker\(([^)]*)\)/g)).toEqual(['new Worker(workerFile)']);
    expect(parseFiles).toContain("['./parse-worker.mjs', './parse-worker.js']");
  });

  it('loads code at run time only for a formatter the user names, and for its own compiled schemas', () => {
    // import() itself sits in src/compile-cache.ts (code compiled by vm cannot call it); only the formatters use it.
    expect(filesMatching(/\bimport\(/)).toEqual(['src/compile-cache.ts']);
    expect(filesMatching(/\bimportModule\(/)).toEqual(['src/compile-cache.ts', 'src/formatters/index.ts']);
    expect(filesMatching(/\brequire\(`/)).toEqual(['src/util/package.ts']);
  });
});

describe('a lint run touches no network', () => {
  afterEach(() => vi.restoreAllMocks());

  // Without the corpus beside the checkout (a fresh clone), the run covers the manifest full of URLs only, and says so.
  it(`over ${existsSync(CORPUS) ? 'the corpus and ' : ''}a manifest full of URLs, in strict mode${existsSync(CORPUS) ? '' : ' (corpus absent: ../shared/corpus not linted)'}`, async () => {
    const connect = vi.spyOn(net.Socket.prototype, 'connect').mockImplementation(() => {
      throw new Error('network access');
    });
    const lookup = vi.spyOn(dns, 'lookup').mockImplementation(() => {
      throw new Error('network access');
    });
    const fetch = vi.spyOn(globalThis, 'fetch').mockImplementation(() => Promise.reject(new Error('network access')));
    const dir = tempDir();
    writeFileSync(
      join(dir, 'urls.yaml'),
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: u\n  annotations:\n    schema: https://example.com/schema.json\n    $schema: http://example.com/x\ndata:\n  url: https://example.com/\n',
    );
    const run = await lintFiles([dir, ...(existsSync(CORPUS) ? [CORPUS] : [])], { strict: true });
    // The manifest alone on a clone without ../shared/corpus.
    expect(run.results.length).toBeGreaterThan(existsSync(CORPUS) ? 50 : 0);
    expect([connect, lookup, fetch].map((spy) => spy.mock.calls.length)).toEqual([0, 0, 0]);
  });
});
