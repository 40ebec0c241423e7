import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectPositionsInside, lintAll, stslint, tempDir, where } from './helpers.js';

const STATEFULSET = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
  labels: {app: web}
spec:
  serviceName: web
  replicas: 3
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx
`;
const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  clusterIP: None\n  selector: {app: web}\n  ports: [{port: 80}]\n';

/** The StatefulSet with one piece of its text replaced (the replaced text must be there). */
function statefulSet(from: string, to: string): string {
  expect(STATEFULSET).toContain(from);
  return STATEFULSET.replace(from, to);
}

/** Lint with every rule: nothing throws, no rule fails, every position is inside the file. */
function lintSafely(text: string) {
  const result = lintAll({ 'odd.yaml': text });
  expect(result.messages.filter((m) => m.ruleId === 'internal-error')).toEqual([]);
  expect(result.run.internalError).toBe(false);
  expectPositionsInside({ 'odd.yaml': text }, result.messages);
  return result.messages;
}

describe('semantically odd but legal YAML: no crash, and a finding says what is wrong', () => {
  it.each([
    // 0123 is octal for kubectl (YAML 1.1, go-yaml v2): 83.
    ['name: 0123 (a number)', 'name: 0123', 'metadata.name must be a non-empty string, got number 83: quote it'],
    ['name: true (a boolean)', 'name: true', 'got boolean true: quote it'],
    ['name: null', 'name: null', 'got null'],
    ['a name that is a mapping', 'name: {a: 1}', 'got a mapping'],
  ])('%s is a resource-shape finding on metadata.name', (_, from, message) => {
    const messages = lintSafely(statefulSet('name: web', from));
    expect(where(messages, 'resource-shape')).toEqual([`4:3-${from === 'name: {a: 1}' ? '4:7' : `4:${3 + from.length}`} resource-shape`]);
    expect(messages.find((m) => m.ruleId === 'resource-shape')?.message).toContain(message);
  });

  it('replicas: "3" (a string) is a schema finding on replicas', () => {
    const messages = lintSafely(statefulSet('replicas: 3', 'replicas: "3"'));
    expect(where(messages, 'schema')).toEqual(['8:3-8:16 schema']);
  });

  it('a label value that is a number, a boolean or a list is a schema finding at the value', () => {
    const messages = lintSafely(statefulSet('labels: {app: web}\n    spec', 'labels: {app: web, n: 1, b: true, l: [1]}\n    spec'));
    expect(where(messages, 'schema')).toEqual(['13:26-13:30 schema', '13:32-13:39 schema', '13:41-13:42 schema']);
  });

  it.each([
    ['clusterIP: None', 'None'],
    ['clusterIP: null', 'null'],
    ['clusterIP: ~', '~'],
  ])('%s never crashes', (_, value) => {
    lintSafely(`${STATEFULSET}---\n${SERVICE.replace('clusterIP: None', `clusterIP: ${value}`)}`);
  });

  it.each([
    ['a huge integer', statefulSet('replicas: 3', 'replicas: 99999999999999999999999999999')],
    ['a float', statefulSet('replicas: 3', 'replicas: 3.5')],
    ['a negative number', statefulSet('replicas: 3', 'replicas: -1')],
    ['NaN and infinity', statefulSet('replicas: 3', 'replicas: .nan\n  minReadySeconds: .inf')],
    ['YAML 1.1 booleans', statefulSet('replicas: 3', 'replicas: yes\n  persistentVolumeClaimRetentionPolicy: {whenDeleted: no, whenScaled: off}')],
    ['merge keys and anchors', statefulSet('labels: {app: web}\n    spec', 'labels:\n        <<: &l {app: web}\n        tier: *l\n    spec')],
    ['a merge of several anchors', `x: &a {a: 1}\ny: &b {b: 2}\n---\n${statefulSet('  labels: {app: web}\nspec', '  labels: {app: web}\n  annotations:\n    <<: [{x: "1"}, {y: "2"}]\nspec')}`],
    ['keys that are not strings', statefulSet('labels: {app: web}\n    spec', 'labels:\n        app: web\n        1: one\n        true: t\n        null: n\n        ? [a, b]\n        : list\n    spec')],
    ['a %YAML 1.1 directive', `%YAML 1.1\n---\n${STATEFULSET}`],
    ['tags', statefulSet('replicas: 3', 'replicas: !!str 3\n  serviceName: !custom web')],
    ['a kind: List with odd items', 'apiVersion: v1\nkind: List\nitems: [1, null, "x", {kind: Pod}, [1], {apiVersion: v1, kind: ConfigMap, metadata: {name: c}}]\n'],
    ['a kind: List whose items are not a list', 'apiVersion: v1\nkind: List\nmetadata: {name: l}\nitems: {a: 1}\n'],
  ])('%s never crashes', (_, text) => {
    lintSafely(text);
  });
});

describe('odd Kubernetes objects: every rule skips or reports, none throws', () => {
  const cases: [string, string][] = [
    ['no spec', statefulSet(STATEFULSET.slice(STATEFULSET.indexOf('spec:')), '')],
    ['spec: null', statefulSet(STATEFULSET.slice(STATEFULSET.indexOf('spec:')), 'spec: null\n')],
    ['spec: a list', statefulSet(STATEFULSET.slice(STATEFULSET.indexOf('spec:')), 'spec: [1, 2]\n')],
    ['spec: a string', statefulSet(STATEFULSET.slice(STATEFULSET.indexOf('spec:')), 'spec: web\n')],
    ['template without spec', statefulSet('    spec:\n      containers:\n      - name: web\n        image: nginx\n', '')],
    ['template: null', statefulSet(STATEFULSET.slice(STATEFULSET.indexOf('  template:')), '  template: null\n')],
    ['containers: a mapping', statefulSet('      containers:\n      - name: web\n        image: nginx\n', '      containers: {name: web}\n')],
    ['containers: null', statefulSet('      containers:\n      - name: web\n        image: nginx\n', '      containers: ~\n')],
    ['containers holding scalars and nulls', statefulSet('      - name: web\n        image: nginx\n', '      - web\n      - null\n      - [1]\n')],
    ['labels with non-string values', statefulSet('labels: {app: web}\n    spec', 'labels: {app: web, n: 1, x: null, l: [1], m: {a: b}}\n    spec')],
    ['labels: a list', statefulSet('  labels: {app: web}\nspec', '  labels: [app, web]\nspec')],
    ['selectors with unknown operators and broken requirements', statefulSet('matchLabels: {app: web}', 'matchExpressions: [{key: app, operator: Like, values: [web]}, {key: x}, 5, {operator: In}, {key: app, operator: In, values: web}]')],
    ['a selector that is a list', statefulSet('    matchLabels: {app: web}', '    - app')],
    ['matchLabels with a null value', statefulSet('matchLabels: {app: web}', 'matchLabels: {app: null}')],
    ['volumeClaimTemplates of every wrong shape', `${STATEFULSET}  volumeClaimTemplates: [null, 1, {metadata: null}, {metadata: {name: d}, spec: {resources: {requests: {storage: lots}}, accessModes: ReadWriteOnce}}]\n`],
    ['volumeMounts and volumes of every wrong shape', statefulSet('        image: nginx\n', '        image: nginx\n        volumeMounts: [null, {name: 5}, {mountPath: /x}, [1]]\n      volumes: {name: x}\n')],
    ['updateStrategy and partition of wrong types', `${STATEFULSET}  updateStrategy: {type: 5, rollingUpdate: {partition: "x", maxUnavailable: []}}\n  podManagementPolicy: [1]\n`],
    ['affinity and topology spread of wrong types', statefulSet('      containers:', '      affinity: {podAntiAffinity: [1]}\n      topologySpreadConstraints: {a: 1}\n      terminationGracePeriodSeconds: "long"\n      containers:')],
    ['a governing Service of every wrong shape', `${STATEFULSET}---\napiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: [1]\n  ports: {port: x}\n  clusterIP: 5\n`],
    ['a PodDisruptionBudget of every wrong shape', `${STATEFULSET}---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: p}\nspec:\n  minAvailable: "120%"\n  maxUnavailable: -1\n  selector: {matchLabels: null, matchExpressions: 5}\n`],
    ['a PodDisruptionBudget with spec: null and a list selector', `${STATEFULSET}---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: p}\nspec: {selector: [app]}\n---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: q}\nspec: null\n`],
    ['an HorizontalPodAutoscaler of every wrong shape', `${STATEFULSET}---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: h}\nspec:\n  scaleTargetRef: {kind: StatefulSet, name: [web]}\n  minReplicas: x\n  maxReplicas: null\n`],
    ['annotations with non-string values', statefulSet('  labels: {app: web}\n', '  labels: {app: web}\n  annotations: {stslint.io/disable: 5, x: [1], y: null}\n')],
    ['metadata: a list, namespace: a number', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  namespace: 5\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: [1]\n'],
    ['a Deployment running a database with odd fields', 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: db}\nspec:\n  replicas: "2"\n  template:\n    spec:\n      containers: [{image: [postgres]}, {name: x, image: 5}]\n      volumes: [{persistentVolumeClaim: null}]\n'],
    ['unknown kinds and api versions', 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {replicas: yes}\n---\napiVersion: apps/v1beta1\nkind: StatefulSet\nmetadata: {name: old}\nspec: 5\n'],
  ];
  for (const [name, text] of cases) {
    it(name, () => {
      lintSafely(text);
    });
  }

  it('prints nothing to stderr for keys that are collections (the yaml package would warn)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'keys.yaml'), statefulSet('labels: {app: web}\n    spec', 'labels:\n        app: web\n        ? [a, b]\n        : list\n    spec'));
    expect(stslint(['keys.yaml', '--rule', 'schema=off'], { cwd: dir }).stderr).toBe('');
  });

  it(`runs every registered rule (${rules.length} now)`, () => {
    expect(rules.length).toBeGreaterThan(5);
  });
});
