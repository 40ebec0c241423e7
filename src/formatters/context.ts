import type { RuleMeta } from '../types.js';

/** What a formatter is given besides the results. */
export interface FormatterContext {
  /** Directory that relative paths are shown against and that formatter packages are resolved from. */
  cwd: string;
  color: boolean;
  /** Metadata of the rules that can appear in the results, by rule id. */
  rulesMeta: Record<string, RuleMeta>;
}
