import { defineRule } from '../../src/linter/rule.js';
import { unknownBuiltinApi, validateResource } from '../../src/schema/builtin.js';
import { refusedSchemaKeywords, unservedVersion, validateCustomResource } from '../../src/schema/custom.js';
import type { ResourceIndex } from '../../src/k8s/resource-index.js';
import { showPath } from '../../src/schema/describe.js';
import type { SchemaMessageId } from '../../src/schema/describe.js';
import type { Resource } from '../../src/types.js';

const violations = {
  wrongType: '{{path}} must be {{expected}}, got {{actual}}{{hint}}',
  missingFields: '{{parent}} is missing required {{fields}}{{note}}',
  notAllowed: '{{path}} must be one of {{allowed}}, got {{actual}}{{suggestion}}',
  unknownField: '{{path}} is not a known field{{owner}}{{suggestion}}',
  noAllowedForm: '{{path}} {{expected}}, got {{actual}}',
  outOfBounds: '{{path}} {{bound}}, got {{actual}}',
} as const satisfies Record<SchemaMessageId, string>;

export default defineRule({
  meta: {
    id: 'schema',
    severity: 'error',
    description: 'Require objects to match the API schema of the target Kubernetes version (built-in kinds, CRDs in the run, --schema-dir)',
    messages: {
      ...violations,
      unknownKind: 'Kubernetes serves no kind {{kind}} in {{apiVersion}}{{suggestion}}',
      unknownGroup: '{{apiVersion}} is no API group of Kubernetes, nor of a custom resource (whose group contains a dot){{suggestion}}',
      unknownVersion: 'Kubernetes serves no {{apiVersion}} ({{group}} {{served}}){{suggestion}}',
      noSchema: 'no schema for {{apiVersion}} {{kind}}: {{advice}}',
      refusedSchema: '{{path}} {{problem}}: the API server refuses this CustomResourceDefinition',
    },
  },
  check(resource, context) {
    const unknown = unknownBuiltinApi(resource, context.kubernetesVersion);
    const violations = unknown
      ? [unknown]
      : (validateResource(resource, { strict: context.strict, kubernetesVersion: context.kubernetesVersion }) ??
        validateCustomResource(resource, { ...context, strict: context.strict }));
    if (violations === undefined) {
      if (context.strictKinds) context.report({ path: ['kind'], messageId: 'noSchema', data: noSchemaData(resource, context.kubernetesVersion, context.index) });
      return;
    }
    for (const { path, messageId, data } of violations) context.report({ path, messageId, data });
    for (const { path, problem } of refusedSchemaKeywords(resource)) {
      context.report({ path, messageId: 'refusedSchema', data: { path: showPath(path), problem } });
    }
  },
});

function noSchemaData(resource: Resource, kubernetesVersion: string, index: ResourceIndex) {
  const builtIn = resource.group === '' || !resource.group.includes('.') || resource.group.endsWith('.k8s.io');
  const unserved = unservedVersion(resource, index);
  const version = resource.apiVersion.slice(resource.apiVersion.indexOf('/') + 1);
  const advice = unserved
    ? `its CustomResourceDefinition '${unserved.crd}' ${unserved.listed ? `does not serve ${version} (served: false)` : `has no version ${version}`}, so the API server refuses it`
    : builtIn
      ? `Kubernetes ${kubernetesVersion} serves no such built-in kind`
      : 'add its CRD to the inputs or a --schema-dir';
  return { apiVersion: resource.apiVersion, kind: resource.kind, advice };
}
