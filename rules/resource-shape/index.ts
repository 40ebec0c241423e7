import type { Rule } from '../../src/types.js';

/** Reported by the loader (src/load.ts): the document cannot become a resource for the other rules. */
const rule: Rule = {
  meta: {
    id: 'resource-shape',
    severity: 'error',
    description: 'Require every document to be a mapping with apiVersion, kind and metadata.name',
  },
};

export default rule;
