import type { Rule } from '../../src/types.js';

/** Reported by the loader (src/load.ts) from the YAML parser's DUPLICATE_KEY error. */
const rule: Rule = {
  meta: {
    id: 'duplicate-key',
    severity: 'error',
    description: 'Disallow the same key twice in one mapping',
  },
};

export default rule;
