import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { imageTag, withDefaults } from '../../src/k8s/defaults.js';
import { loadSource } from '../../src/load/source.js';

const FIXTURES = resolve('fixtures/base');

/**
 * defaults-expected.yaml is the Kubernetes 1.36.3 API server's decoding of defaults-input.yaml (the oracle's
 * `default` answer), less what the server assigns rather than defaults (cluster IPs, node ports, a Job's selector).
 * Empty structs the server prints (`resources: {}`, `metadata: {}`) mean the same as absent ones.
 */
describe('withDefaults against the API server of 1.36', () => {
  const inputs = loadSource('defaults-input.yaml', readFileSync(resolve(FIXTURES, 'defaults-input.yaml'), 'utf8')).resources;
  const expected = parseAllDocuments(readFileSync(resolve(FIXTURES, 'defaults-expected.yaml'), 'utf8')).map((doc) => doc.toJS());

  it('has one answer per object', () => {
    expect(expected.map((object) => `${object.kind}/${object.metadata.name}`)).toEqual(inputs.map((resource) => `${resource.kind}/${resource.name}`));
  });

  it.each(inputs.map((resource, i) => [`${resource.kind} ${resource.name}`, resource, i] as const))('%s', (_, resource, i) => {
    const { status: _status, ...defaulted } = withDefaults(resource, '1.36');
    expect(withoutEmptyMaps(defaulted)).toEqual(withoutEmptyMaps(expected[i]));
  });
});

describe('withDefaults', () => {
  it('leaves the object it is given unchanged', () => {
    const [resource] = loadSource('a.yaml', 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: a}\nspec: {}\n').resources;
    withDefaults(resource, '1.36');
    expect(resource.object).toEqual({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'a' }, spec: {} });
  });

  it('defaults a Job podReplacementPolicy from 1.29 on (JobPodReplacementPolicy beta)', () => {
    const [job] = loadSource('a.yaml', 'apiVersion: batch/v1\nkind: Job\nmetadata: {name: a}\nspec: {template: {spec: {containers: []}}}\n').resources;
    expect(withDefaults(job, '1.28').spec).not.toHaveProperty('podReplacementPolicy');
    expect(withDefaults(job, '1.29').spec).toHaveProperty('podReplacementPolicy', 'TerminatingOrFailed');
  });

  it('leaves other kinds and custom resources as they are', () => {
    const [crd] = loadSource('a.yaml', 'apiVersion: example.com/v1\nkind: StatefulSet\nmetadata: {name: a}\nspec: {}\n').resources;
    expect(withDefaults(crd, '1.36')).toEqual(crd.object);
  });
});

describe('imageTag, as parsers.ParseImageName reads it', () => {
  it.each([
    ['postgres', 'latest'],
    ['postgres:16', '16'],
    ['registry.example.com:5000/postgres', 'latest'],
    ['registry.example.com:5000/postgres:16.2', '16.2'],
    ['postgres@sha256:abc', ''],
    ['postgres:16@sha256:abc', '16'],
    ['example/tool:latest', 'latest'],
  ])('%s has the tag %j', (image, tag) => {
    expect(imageTag(image)).toBe(tag);
  });
});

/** The value with `{}` entries dropped, recursively. */
function withoutEmptyMaps(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutEmptyMaps);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).map(([key, item]) => [key, withoutEmptyMaps(item)] as const);
  return Object.fromEntries(entries.filter(([, item]) => !(typeof item === 'object' && item !== null && !Array.isArray(item) && Object.keys(item).length === 0)));
}
