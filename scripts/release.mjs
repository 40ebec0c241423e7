#!/usr/bin/env node
// npm run release -- VERSION [--dry-run]
// Checks that this checkout is ready to be released as VERSION, then makes the annotated tag vVERSION. It never
// pushes, packs or publishes: it prints what to run next. The checks, fast ones first:
//   version    VERSION is a semantic version (MAJOR.MINOR.PATCH, an optional -prerelease) and no tag vVERSION exists
//   package    package.json, package-lock.json and standalone/package.json say VERSION
//   changelog  CHANGELOG.md has an entry "## [VERSION] - YYYY-MM-DD" with text under it, and its link
//   readme     every stslint version the README names (pre-commit rev, Action ref, downloads, latest release) is VERSION
//   clean      the work tree has no changes and no untracked files
//   build      `npm run build` and `npm test` pass and leave the work tree clean (standalone/ was committed fresh)
// --dry-run runs every check and prints the tag command instead of running it.
// Exit codes: 0 ready (tagged unless --dry-run), 1 a check failed (one line naming it), 2 usage error.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$/;
/** Where the README names a released version of stslint; group 1 is the version. */
const README_REFERENCES = [
  /\brev: v([^\s'"`]+)/g, // pre-commit
  /stslint\/stslint@v([^\s'"`]+)/g, // GitHub Action
  /stslint\/releases\/download\/v([^/\s]+)\//g, // single executables
  /\bstslint@(\d[^\s'"`]*)/g, // npm install stslint@X
  /\bstslint-(\d+\.\d+\.\d+[^\s/]*?)\.tgz/g, // the package tarball
  /Latest release: \*\*([^*]+)\*\*/g,
];

class CheckFailed extends Error {}

function run(command, args, options = {}) {
  const child = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (child.error) throw new CheckFailed(`${command} could not be run: ${child.error.message}`);
  return child;
}

function git(...args) {
  const child = run('git', args);
  if (child.status !== 0) throw new CheckFailed(`git ${args.join(' ')} failed: ${child.stderr.trim()}`);
  return child.stdout;
}

function readJson(file) {
  if (!existsSync(file)) throw new CheckFailed(`${file} not found`);
  return JSON.parse(readFileSync(file, 'utf8'));
}

function checkVersion(version) {
  if (!SEMVER.test(version)) throw new CheckFailed(`'${version}' is not a semantic version (MAJOR.MINOR.PATCH)`);
  if (git('tag', '--list', `v${version}`).trim()) throw new CheckFailed(`tag v${version} exists already`);
}

function checkPackage(version) {
  const lock = readJson('package-lock.json');
  const found = {
    'package.json': readJson('package.json').version,
    'package-lock.json': lock.version,
    'package-lock.json (packages[""])': lock.packages?.['']?.version,
    'standalone/package.json': readJson('standalone/package.json').version,
  };
  for (const [file, value] of Object.entries(found)) {
    if (value !== version) throw new CheckFailed(`${file} says ${value}, not ${version} (npm version ${version} --no-git-tag-version, then npm run build)`);
  }
}

/** The text of VERSION's CHANGELOG.md entry (for the tag message). */
function checkChangelog(version) {
  if (!existsSync('CHANGELOG.md')) throw new CheckFailed('CHANGELOG.md not found');
  const text = readFileSync('CHANGELOG.md', 'utf8');
  const heading = `## [${version}] - `;
  const start = text.split('\n').findIndex((line) => line.startsWith(heading));
  if (start < 0) throw new CheckFailed(`CHANGELOG.md has no entry "${heading}YYYY-MM-DD"`);
  const lines = text.split('\n');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(lines[start].slice(heading.length))) throw new CheckFailed(`CHANGELOG.md: the ${version} entry's date is not YYYY-MM-DD`);
  const end = lines.findIndex((line, index) => index > start && (line.startsWith('## ') || /^\[[^\]]+\]: /.test(line)));
  const body = lines.slice(start + 1, end < 0 ? undefined : end).join('\n').trim();
  if (!body) throw new CheckFailed(`CHANGELOG.md: the ${version} entry is empty`);
  if (!lines.some((line) => line.startsWith(`[${version}]: `))) throw new CheckFailed(`CHANGELOG.md has no link "[${version}]: …" for the entry`);
  return body;
}

function checkReadme(version) {
  const text = readFileSync('README.md', 'utf8');
  const found = README_REFERENCES.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => ({ match, pattern })));
  for (const { match } of found) {
    if (match[1] !== version) {
      const line = text.slice(0, match.index).split('\n').length;
      throw new CheckFailed(`README.md:${line} names ${match[0].trim()}, not ${version}`);
    }
  }
  for (const [pattern, what] of [[README_REFERENCES[0], 'pre-commit rev'], [README_REFERENCES[1], 'Action ref'], [README_REFERENCES[5], 'latest release']]) {
    if (!found.some((reference) => reference.pattern === pattern)) throw new CheckFailed(`README.md names no ${what}`);
  }
}

function checkClean(when) {
  const status = git('status', '--porcelain', '--untracked-files=all').trimEnd();
  if (status) throw new CheckFailed(`the work tree is not clean ${when}:\n${status}`);
}

function checkBuild() {
  for (const script of ['build', 'test']) {
    process.stdout.write(`  npm run ${script}…\n`);
    const child = run('npm', ['run', script], { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
    if (child.status !== 0) {
      const tail = `${child.stdout}${child.stderr}`.trim().split('\n').slice(-20).join('\n');
      throw new CheckFailed(`npm run ${script} failed (exit ${child.status}):\n${tail}`);
    }
  }
  checkClean('after the build and the tests (commit what `npm run build` wrote)');
}

function main(argv) {
  const dryRun = argv.includes('--dry-run');
  const positional = argv.filter((arg) => arg !== '--dry-run');
  if (positional.length !== 1 || positional[0].startsWith('-')) {
    process.stderr.write('usage: npm run release -- VERSION [--dry-run]\n');
    return 2;
  }
  const version = positional[0].replace(/^v/, '');
  let notes = '';
  const checks = [
    ['version', () => checkVersion(version)],
    ['package', () => checkPackage(version)],
    ['changelog', () => (notes = checkChangelog(version))],
    ['readme', () => checkReadme(version)],
    ['clean', () => checkClean('before the build')],
    ['build', () => checkBuild()],
  ];
  try {
    for (const [name, check] of checks) {
      check();
      process.stdout.write(`✓ ${name}\n`);
    }
  } catch (error) {
    if (!(error instanceof CheckFailed)) throw error;
    process.stderr.write(`release: ${error.message}\n`);
    return 1;
  }
  const tag = ['tag', '--annotate', '--cleanup=verbatim', `v${version}`, '--file', '-'];
  if (dryRun) {
    process.stdout.write(`ready: git ${tag.join(' ')} (message: "stslint ${version}" and the changelog entry)\n`);
    return 0;
  }
  const child = run('git', tag, { input: `stslint ${version}\n\n${notes}\n` });
  if (child.status !== 0) {
    process.stderr.write(`release: git tag failed: ${child.stderr.trim()}\n`);
    return 1;
  }
  process.stdout.write(`tagged v${version}. Next: git push origin v${version}; then npm publish and the executables (README, "Install")\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
