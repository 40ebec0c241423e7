import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CORPUS, emptyDir, lintCorpus, referenceReport, removeTemporaryDirs } from './distribution.js';

/**
 * The npm package as a user gets it: `npm pack` of this checkout (built by pretest), the tarball copied to another
 * directory and installed there into an empty project with `npm install --offline`. npm ci leaves no registry
 * metadata in the cache for --offline to resolve version ranges with, so the runtime dependencies are handed to npm
 * as tarballs packed from this checkout's node_modules: the install succeeds only if stslint needs nothing else.
 */
const ROOT = resolve('.');
const RUNTIME_DEPENDENCIES = ['ajv', 'js-yaml', 'picomatch', 're2js', 'vscode-languageserver', 'yaml'];
const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall', 'prepare'];

interface PackResult {
  filename: string;
  size: number;
  unpackedSize: number;
  files: { path: string; size: number }[];
}

/** npm with the environment of a shell, not that of the `npm test` running this file (no npm_* variables). */
function npm(args: string[], cwd: string): { stdout: string; stderr: string } {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_')));
  const child = spawnSync('npm', [...args, '--no-audit', '--no-fund', '--no-update-notifier'], { cwd, env, encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`npm ${args.join(' ')} failed (exit ${child.status}):\n${child.stderr}`);
  return { stdout: child.stdout, stderr: child.stderr };
}

/** Where Node would find package `name` from `from` (a package directory): the nearest node_modules/<name> above it. */
function installedDir(from: string, name: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) throw new Error(`${name} is not installed here (npm ci)`);
  }
}

/** The directories of every package that `packageDir` depends on at run time, transitively. */
function runtimeClosure(packageDir: string, found = new Set<string>()): Set<string> {
  const { dependencies = {} } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  for (const name of Object.keys(dependencies)) {
    const dir = installedDir(packageDir, name);
    if (!found.has(dir)) runtimeClosure(dir, found.add(dir));
  }
  return found;
}

let pack: PackResult;
let project: string;
let installOutput: string;
const installed = () => join(project, 'node_modules', 'stslint');

beforeAll(() => {
  const packed = emptyDir('pack');
  // --ignore-scripts: pretest has built dist/, and prepack would build it again.
  [pack] = JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', packed], ROOT).stdout) as PackResult[];
  const dependencies = emptyDir('dependencies');
  const packedDependencies = JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', dependencies, ...runtimeClosure(ROOT)], ROOT).stdout) as PackResult[];

  project = emptyDir('project');
  copyFileSync(join(packed, pack.filename), join(project, pack.filename));
  writeFileSync(join(project, 'package.json'), '{ "name": "scratch", "private": true, "type": "module" }\n');
  const tarballs = packedDependencies.map((dependency) => join(dependencies, dependency.filename));
  const { stdout, stderr } = npm(['install', '--offline', '--no-save', `./${pack.filename}`, ...tarballs], project);
  installOutput = `${stdout}${stderr}`;
}, 300_000);
afterAll(removeTemporaryDirs);

describe('npm pack', () => {
  it('holds the built package, its docs and schemas, and nothing of the development tree', () => {
    const paths = pack.files.map((file) => file.path);
    const schemaIndex = JSON.parse(readFileSync('dist/schemas/index.json', 'utf8')) as Record<string, Record<string, { module: string }>>;
    const modules = new Set(Object.values(schemaIndex).flatMap((groups) => Object.values(groups).map((entry) => `dist/schemas/${entry.module}`)));
    const ruleDocs = readdirSync('rules', { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => `rules/${entry.name}/README.md`);
    const required = [
      'package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'bin/package.json', 'bin/stslint.js', 'bin/stslint-action.js',
      'dist/src/cli-start.cjs', 'dist/src/cli.cjs', 'dist/src/compile-cache.cjs', 'dist/src/compile-cache.js', 'dist/src/action.mjs', 'dist/src/parse-worker.mjs', 'dist/src/index.js', 'dist/src/index.d.ts',
      'dist/schemas/index.json', 'dist/schemas/definitions.json', 'schemas/stslint-config.schema.json',
      ...modules, ...ruleDocs,
    ];
    expect(required.filter((path) => !paths.includes(path))).toEqual([]);
    const outOfPlace = paths.filter(
      (path) => /^(src|test|fixtures|bench|scripts|standalone|docs|node_modules|dist\/scripts|dist\/sea)\//.test(path) ||
        (/\.ts$/.test(path) && !/\.d\.ts$/.test(path)) || /\.map$/.test(path) || /^schemas\/.*\.mjs$/.test(path),
    );
    expect(outOfPlace).toEqual([]);
    expect(paths.filter((path) => !/^(bin|dist\/(src|rules|schemas)|rules|schemas)\/|^[^/]+$/.test(path))).toEqual([]);
    // Guards against the tree leaking in (README, "Install", gives the figures: 2.0 MB packed, 17.4 MB unpacked).
    expect(pack.size).toBeLessThan(2_200_000);
    expect(pack.unpackedSize).toBeLessThan(20_000_000);
  });

  it('declares its runtime dependencies only, and no script that runs when it is installed', () => {
    const manifest = JSON.parse(readFileSync(join(installed(), 'package.json'), 'utf8'));
    expect(Object.keys(manifest.dependencies).sort()).toEqual(RUNTIME_DEPENDENCIES);
    expect(manifest.bundleDependencies ?? manifest.bundledDependencies).toBeUndefined();
    expect(INSTALL_SCRIPTS.filter((script) => manifest.scripts?.[script])).toEqual([]);
    expect(installOutput).not.toMatch(/install.scripts/i);
  });
});

describe('the npm package installed offline into an empty project', () => {
  it('brings its runtime dependencies and nothing else', () => {
    const names = readdirSync(join(project, 'node_modules')).filter((name) => !name.startsWith('.'));
    const closure = [...runtimeClosure(ROOT)].map((dir) => dir.slice(dir.lastIndexOf('node_modules/') + 'node_modules/'.length));
    expect(names.sort()).toEqual(['stslint', ...closure].sort());
    expect(existsSync(join(installed(), 'dist', 'src', 'index.js'))).toBe(true);
  });

  it('runs its CLI: the version of the package', () => {
    const child = spawnSync(join(project, 'node_modules', '.bin', 'stslint'), ['--version'], { cwd: project, encoding: 'utf8', env: { PATH: process.env.PATH } });
    expect(child.stderr).toBe('');
    expect(child.stdout).toBe(`${JSON.parse(readFileSync('package.json', 'utf8')).version}\n`);
  });

  it.skipIf(!HAS_CORPUS)('lints the corpus as the npm CLI of this checkout does, byte for byte (skipped without ../shared/corpus)', () => {
    const cwd = emptyDir('cwd');
    const reference = referenceReport(cwd);
    const child = lintCorpus(join(project, 'node_modules', '.bin', 'stslint'), [], cwd);
    expect(child.status).toBe(reference.status);
    expect(child.stderr).toBe(reference.stderr);
    expect(JSON.parse(child.stdout).length).toBeGreaterThan(90);
    expect(child.stdout === reference.stdout).toBe(true);
  }, 300_000);

  it('serves the library API by package name, with its type declarations', () => {
    const lint = `const text = 'apiVersion: apps/v1\\nkind: StatefulSet\\nmetadata: {name: web}\\nspec:\\n  replicas: 3.5\\n';
const run = lintText(text, { filePath: 'web.yaml', rules: { 'statefulset-volume-claim-templates': 'off' } });
const rulesMeta = Object.fromEntries(rules.map((rule) => [rule.meta.id, rule.meta]));
`;
    writeFileSync(
      join(project, 'check.ts'),
      `import { formatResults, lintText, rules, type LintResult } from 'stslint';\n${lint}const results: LintResult[] = run.results;\nexport const report: Promise<string> = formatResults('compact', results, { cwd: '/', color: false, rulesMeta });\n`,
    );
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'nodenext', target: 'es2022', strict: true, noEmit: true, skipLibCheck: true, types: [] }, files: ['check.ts'] }),
    );
    // The compiler is this checkout's; the package and its declarations are the installed ones.
    const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', project], { cwd: project, encoding: 'utf8' });
    expect(tsc.stdout).toBe('');
    expect(tsc.status).toBe(0);
    writeFileSync(
      join(project, 'check.mjs'),
      `import { formatResults, lintText, rules } from 'stslint';\n${lint}process.stdout.write(await formatResults('compact', run.results, { cwd: process.cwd(), color: false, rulesMeta }));\n`,
    );
    const child = spawnSync(process.execPath, ['check.mjs'], { cwd: project, encoding: 'utf8', env: { PATH: process.env.PATH } });
    expect(child.stderr).toBe('');
    expect(child.stdout).toMatch(/^web\.yaml: line 4, col 1, Error - spec is missing required field.*\(schema\)$/m);
  }, 120_000);

  it('carries the config file JSON Schema where the README points editors, also by package name', () => {
    const schema = JSON.parse(readFileSync(join(installed(), 'schemas', 'stslint-config.schema.json'), 'utf8'));
    expect(schema.properties.rules).toBeDefined();
    const resolved = spawnSync(process.execPath, ['--input-type=module', '-e', "process.stdout.write(import.meta.resolve('stslint/schemas/stslint-config.schema.json'))"], { cwd: project, encoding: 'utf8' });
    expect(resolved.stdout).toBe(`file://${join(installed(), 'schemas', 'stslint-config.schema.json')}`);
  });
});
