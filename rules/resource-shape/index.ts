import { defineRule } from '../../src/linter/rule.js';

/** Reported by the loader (src/load/resource.ts): the document cannot become an object for the other rules. */
export default defineRule({
  meta: {
    id: 'resource-shape',
    severity: 'error',
    description: 'Require every document to be a mapping with apiVersion, kind and metadata.name',
    messages: {
      notObject: 'Document is {{what}}, not a Kubernetes object (a mapping with apiVersion, kind and metadata)',
      missing: 'Object has no {{field}}',
      noName: 'Object has no metadata.name (nor metadata.generateName)',
      notString: '{{field}} must be a non-empty string, got {{value}}',
    },
  },
});
