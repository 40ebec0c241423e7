import { describe, expect, it } from 'vitest';
import { loadSource } from '../src/load/source.js';
import { rangeOf } from '../src/load/positions.js';

const text = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  replicas: 3
  template:
    spec:
      containers:
      - name: nginx
        image: nginx
      - image: redis
        name: cache
      args: ["a", "b"]
`;
const [resource] = loadSource('a.yaml', text).resources;

describe('rangeOf', () => {
  it('spans key and value of a scalar pair', () => {
    expect(rangeOf(resource, ['spec', 'replicas'])).toEqual({ line: 6, column: 3, endLine: 6, endColumn: 14 });
  });
  it('spans only the key of a collection', () => {
    expect(rangeOf(resource, ['spec', 'template'])).toEqual({ line: 7, column: 3, endLine: 7, endColumn: 11 });
  });
  it('points at the first key of a list item that is a mapping', () => {
    expect(rangeOf(resource, ['spec', 'template', 'spec', 'containers', 1])).toEqual({ line: 12, column: 9, endLine: 12, endColumn: 21 });
  });
  it('walks into list items', () => {
    expect(rangeOf(resource, ['spec', 'template', 'spec', 'containers', 1, 'name'])).toEqual({ line: 13, column: 9, endLine: 13, endColumn: 20 });
  });
  it('points at a scalar list item', () => {
    expect(rangeOf(resource, ['spec', 'template', 'spec', 'args', 1])).toEqual({ line: 14, column: 19, endLine: 14, endColumn: 22 });
  });
  it('falls back to the deepest existing parent', () => {
    expect(rangeOf(resource, ['spec', 'serviceName'])).toEqual({ line: 5, column: 1, endLine: 5, endColumn: 5 });
    expect(rangeOf(resource, ['spec', 'template', 'spec', 'containers', 7, 'name'])).toEqual({ line: 9, column: 7, endLine: 9, endColumn: 17 });
  });
  it('points at kind for the whole object', () => {
    expect(rangeOf(resource, [])).toEqual({ line: 2, column: 1, endLine: 2, endColumn: 18 });
  });
});
