import type { Rule } from '../../src/types.js';

/** Reported by the loader (src/load.ts, src/inputs.ts): a document or file that cannot be parsed. */
const rule: Rule = {
  meta: {
    id: 'yaml-syntax',
    severity: 'error',
    description: 'Report YAML syntax errors and files that are not readable YAML text',
  },
};

export default rule;
