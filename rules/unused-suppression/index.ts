import type { Rule } from '../../src/types.js';

/** Reported by the engine (src/suppressions.ts) after every rule has run. */
const rule: Rule = {
  meta: {
    id: 'unused-suppression',
    severity: 'warning',
    description: 'Report suppression comments and annotations that suppress nothing',
  },
};

export default rule;
