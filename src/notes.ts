/** The notes of a run on standard error: what it left out (nothing is skipped in silence), and why it exits as it does. */
import type { MaxWarningsExceeded } from './formatters/context.js';
import { pathFromCwd } from './formatters/paths.js';
import type { Io } from './io.js';
import type { LintRun } from './lint.js';
import type { LintResult } from './types.js';
import { byCodeUnits } from './util/compare.js';
import { bounded, oneLine } from './util/sanitize.js';

/** Entries named in one note line; the rest are counted. */
const NOTE_ENTRIES = 5;

/**
 * What the run left out, on standard error: explicit files ignored by ignorePatterns, links to directories not
 * followed, documents that are not Kubernetes objects, objects without a schema. Nothing is skipped silently;
 * `--quiet` keeps only the first.
 */
export function reportNotes(run: LintRun, configPath: string | undefined, quiet: boolean, io: Pick<Io, 'stderr' | 'cwd'>): void {
  const { stats } = run;
  for (const file of stats.ignored) io.stderr(`stslint: ${oneLine(file)} ignored by ignorePatterns in ${oneLine(configPath ?? 'the config')}\n`);
  if (quiet) return;
  const path = (file: string) => pathFromCwd(file, io.cwd);
  note(io, stats.linksNotFollowed.map(path), 'symbolic link to a directory outside the walked one was', 'symbolic links to directories outside the walked ones were', 'not followed (name a link to lint what it points to)');
  const skipped = stats.notObjects.map(({ file, reason, documents }) => `${path(file)} (${documents > 1 ? `${documents}: ` : ''}${reason})`);
  const documents = stats.notObjects.reduce((sum, entry) => sum + entry.documents, 0);
  note(io, skipped, 'document was', 'documents were', 'skipped, not Kubernetes objects', documents);
  const kinds = Object.entries(stats.unvalidated).sort(([a], [b]) => byCodeUnits(a, b));
  const objects = kinds.reduce((sum, [, count]) => sum + count, 0);
  const unvalidated = kinds.map(([kind, count]) => `${kind} (${count})`);
  note(io, unvalidated, 'object was', 'objects were', 'not schema-validated, no schema for their kind', objects, '(--schema-dir adds schemas, --strict-kinds reports them)');
}

/** One line: `stslint: N things were done: a, b, c, 2 more (hint)`. */
function note(io: Pick<Io, 'stderr'>, entries: string[], one: string, many: string, what: string, count = entries.length, hint = ''): void {
  if (entries.length === 0) return;
  const shown = entries.slice(0, NOTE_ENTRIES).map((entry) => bounded(entry));
  if (entries.length > NOTE_ENTRIES) shown.push(`${entries.length - NOTE_ENTRIES} more`);
  io.stderr(`stslint: ${count} ${count === 1 ? one : many} ${what}: ${oneLine(shown.join(', '))}${hint ? ` ${hint}` : ''}\n`);
}

/** ESLint's formatter metadata when there are more warnings than `--max-warnings` allows; else undefined. */
export function tooManyWarnings(results: LintResult[], maxWarnings: number): MaxWarningsExceeded | undefined {
  const foundWarnings = results.reduce((sum, result) => sum + result.warningCount, 0);
  return maxWarnings >= 0 && foundWarnings > maxWarnings ? { maxWarnings, foundWarnings } : undefined;
}

/**
 * The exit code of a lint run. Why it is not 0 goes to standard error unless a report on standard output says it:
 * more warnings than `--max-warnings` allows (always, as ESLint does; `--quiet` hides the warnings themselves),
 * errors when every report went to a file, a rule that failed.
 */
export function exitCode(run: LintRun, exceeded: MaxWarningsExceeded | undefined, { allToFiles, quiet }: { allToFiles: boolean; quiet: boolean }, io: Pick<Io, 'stderr'>): number {
  const errors = run.results.reduce((sum, result) => sum + result.errorCount, 0);
  if (run.internalError) {
    io.stderr('stslint: a rule failed (see its internal-error finding): exit 2\n');
    return 2;
  }
  if (exceeded) {
    const { foundWarnings, maxWarnings } = exceeded;
    const hidden = quiet ? ', not shown with --quiet' : '';
    io.stderr(`stslint: too many warnings: ${foundWarnings} found${hidden}, at most ${maxWarnings} allowed (--max-warnings): exit 1\n`);
    return 1;
  }
  if (errors > 0 && allToFiles) io.stderr(`stslint: ${errors} ${errors === 1 ? 'error' : 'errors'} found (see the report): exit 1\n`);
  return errors > 0 ? 1 : 0;
}
