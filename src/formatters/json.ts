import type { LintResult } from '../types.js';

/** ESLint's json formatter: the LintResult[] as one line of JSON. */
export function formatJson(results: readonly LintResult[]): string {
  return JSON.stringify(results);
}
