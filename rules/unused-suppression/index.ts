import { defineRule } from '../../src/linter/rule.js';

/** Reported by the engine (src/linter/suppressions.ts) after every rule has run. */
export default defineRule({
  meta: {
    id: 'unused-suppression',
    severity: 'warning',
    description: 'Report suppression comments and annotations that suppress nothing or name an unknown rule',
    messages: {
      unusedDirective: 'Unused stslint-{{type}} directive (no {{rules}} finding here to suppress)',
      unusedAnnotation: "Unused annotation '{{key}}' on {{kind}} '{{name}}' (nothing here to suppress)",
      unknownRuleInDirective: "Unknown rule '{{ruleId}}' in stslint-{{type}} directive: it suppresses nothing{{suggestion}}",
      unknownRuleInAnnotation: "Unknown rule '{{ruleId}}' in annotation '{{key}}' on {{kind}} '{{name}}': it suppresses nothing{{suggestion}}",
    },
  },
});
