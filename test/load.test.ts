import { describe, expect, it } from 'vitest';
import { loadSource } from '../src/load/source.js';
import { rangeOf } from '../src/load/positions.js';

describe('loadSource', () => {
  it('turns each document into a resource with defaults filled in', () => {
    const text = [
      'apiVersion: apps/v1',
      'kind: StatefulSet',
      'metadata:',
      '  name: web',
      '---',
      'apiVersion: v1',
      'kind: Namespace',
      'metadata:',
      '  name: shop',
      '  namespace: ignored',
      '---',
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      '  name: web',
      '  namespace: shop',
    ].join('\n');
    const loaded = loadSource('a.yaml', text);
    expect(loaded.findings).toEqual([]);
    expect(loaded.documentCount).toBe(3);
    expect(loaded.resources.map((r) => [r.apiVersion, r.group, r.kind, r.namespace, r.name])).toEqual([
      ['apps/v1', 'apps', 'StatefulSet', 'default', 'web'],
      ['v1', '', 'Namespace', '', 'shop'],
      ['v1', '', 'Service', 'shop', 'web'],
    ]);
  });

  it('skips empty and comment-only documents', () => {
    const loaded = loadSource('a.yaml', '---\n# nothing here\n---\n\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n');
    expect(loaded.documentCount).toBe(1);
    expect(loaded.resources).toHaveLength(1);
  });

  it('loads JSON manifests with positions', () => {
    const loaded = loadSource('a.json', '{\n  "apiVersion": "v1",\n  "kind": "ConfigMap",\n  "metadata": {"name": "a"}\n}\n');
    const [resource] = loaded.resources;
    expect(resource.name).toBe('a');
    expect(rangeOf(resource, ['metadata', 'name'])).toEqual({ line: 4, column: 16, endLine: 4, endColumn: 27 });
  });

  it('splits kind: List into items with exact positions', () => {
    const text = 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: a\n- apiVersion: v1\n  kind: Secret\n  metadata:\n    name: b\n';
    const loaded = loadSource('a.yaml', text);
    expect(loaded.resources.map((r) => r.kind)).toEqual(['ConfigMap', 'Secret']);
    expect(rangeOf(loaded.resources[1], ['metadata', 'name'])).toEqual({ line: 11, column: 5, endLine: 11, endColumn: 12 });
    expect(rangeOf(loaded.resources[1], [])).toEqual({ line: 9, column: 3, endLine: 9, endColumn: 15 });
  });

  it('keeps positions exact with CRLF line ends and a byte-order mark', () => {
    const text = '\uFEFFapiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: a\r\n';
    const [resource] = loadSource('a.yaml', text).resources;
    expect(rangeOf(resource, ['metadata', 'name'])).toEqual({ line: 4, column: 3, endLine: 4, endColumn: 10 });
  });

  it('expands merge keys and anchors', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  labels: &l {app: web}\n  annotations:\n    <<: *l\n    x: z\n';
    const [resource] = loadSource('a.yaml', text).resources;
    expect(resource.object.metadata.annotations).toEqual({ app: 'web', x: 'z' });
  });

  it('reads y/yes/on and n/no/off as booleans, as kubectl (go-yaml v2) does', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  a: yes\n  b: Off\n  c: "no"\n  d: n\n  e: nope\n  f: TRUE\n';
    const [resource] = loadSource('a.yaml', text).resources;
    expect(resource.object.data).toEqual({ a: true, b: false, c: 'no', d: false, e: 'nope', f: true });
  });

  it('reads integers and floats as go-yaml v2 does (goyaml.v2/resolve.go), not as YAML 1.2', () => {
    const cases: [string, unknown][] = [
      ['010', 8], ['0o10', 8], ['0O10', 8], ['08', 8], ['0_7', 7], ['0', 0],
      ['0x1A', 26], ['0X1a', 26], ['-0x10', -16], ['+0x10', 16], ['0b101', 5], ['-0b11', -3],
      ['1_000', 1000], ['1__0', 10], ['1_', 1], ['0x_1A', 26], ['+1', 1], ['-1', -1],
      ['1_000.5', 1000.5], ['1.', 1], ['.5', 0.5], ['+.5', 0.5], ['-.5', -0.5], ['1e3', 1000], ['1E+3', 1000], ['.5e3', 500],
      ['.inf', Infinity], ['-.Inf', -Infinity],
      // strings in go-yaml v2 too: no base 60, a leading underscore, no digits, out of float64's range
      ['1:30', '1:30'], ['_1', '_1'], ['._5', '._5'], ['.5_0', '.5_0'], ['0x', '0x'], ['0b', '0b'], ['+', '+'],
      ['1.5e', '1.5e'], ['1.2.3', '1.2.3'], ['1e400', '1e400'], ['2024-01-02', '2024-01-02'],
    ];
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n${cases.map(([value], i) => `  k${i}: ${value}\n`).join('')}`;
    const [resource] = loadSource('a.yaml', text).resources;
    expect(cases.map(([value], i) => [value, resource.object.data[`k${i}`]])).toEqual(cases);
    expect(loadSource('a.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  a: .nan\n').resources[0].object.data.a).toBeNaN();
  });

  it('reads YAML 1.1 numbers in keys too, as kubectl turns them into JSON keys', () => {
    const [resource] = loadSource('a.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  010: a\n  0x1A: b\n').resources;
    expect(Object.keys(resource.object.data)).toEqual(['8', '26']);
  });

  it('marks context-only sources', () => {
    expect(loadSource('a.yaml', '', { contextOnly: true }).source.contextOnly).toBe(true);
  });
});

describe('YAML 1.1 numbers where values are used', () => {
  it('plans 8 pods for replicas: 010, as kubectl creates them', async () => {
    const { planSources } = await import('../src/plan/plan.js');
    const text = 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\nspec:\n  replicas: 010\n  serviceName: web\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: web, image: nginx}]}\n';
    const run = planSources([{ path: 'web.yaml', text }], { clusterDomain: 'cluster.local', scaleTo: [], delete: false });
    expect(run.plan.statefulSets[0].pods.map((pod) => pod.name)).toEqual(['web-0', 'web-1', 'web-2', 'web-3', 'web-4', 'web-5', 'web-6', 'web-7']);
  });
});
