import type { RuleMeta } from '../types.js';

/** ESLint's formatter metadata when a run has more warnings than `--max-warnings` allows. */
export interface MaxWarningsExceeded {
  maxWarnings: number;
  foundWarnings: number;
}

/** What a formatter is given besides the results. */
export interface FormatterContext {
  /** Directory that relative paths are shown against and that formatter packages are resolved from. */
  cwd: string;
  color: boolean;
  /** Metadata of the rules that can appear in the results, by rule id. */
  rulesMeta: Record<string, RuleMeta>;
  /** Set when there are more warnings than `--max-warnings` allows (the stylish summary says so, as ESLint passes it on). */
  maxWarningsExceeded?: MaxWarningsExceeded;
}
