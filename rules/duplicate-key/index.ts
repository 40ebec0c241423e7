import { defineRule } from '../../src/linter/rule.js';

/** Reported by the loader (src/load/source.ts) from the YAML parser's DUPLICATE_KEY error. */
export default defineRule({
  meta: {
    id: 'duplicate-key',
    severity: 'error',
    description: 'Disallow the same key twice in one mapping',
    messages: {
      duplicate:
        "Duplicate key '{{key}}': kubectl keeps one value, in practice the last, and strict field validation never sees the other (kubectl converts YAML to JSON before sending); a client that sends this YAML as is is refused under strict field validation",
    },
  },
});
