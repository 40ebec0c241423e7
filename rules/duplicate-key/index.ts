import { defineRule } from '../../src/linter/rule.js';

/** Reported by the loader (src/load/source.ts) from the YAML parser's DUPLICATE_KEY error. */
export default defineRule({
  meta: {
    id: 'duplicate-key',
    severity: 'error',
    description: 'Disallow the same key twice in one mapping',
    messages: { duplicate: "Duplicate key '{{key}}': the API server silently keeps only the last value" },
  },
});
