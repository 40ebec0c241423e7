import { describe, expect, it } from 'vitest';
import { loadSource } from '../../src/load/source.js';
import { textEdits, type OffsetEdit } from '../../src/lsp/edits.js';
import type { ObjectEdit } from '../../src/types.js';

/** The text after the edits of a suggestion to the `index`-th object of `text` (undefined when none can be made). */
function edited(text: string, edits: ObjectEdit[], index = 0): string | undefined {
  const resource = loadSource('x.yaml', text).resources[index];
  const made = textEdits(text, resource, edits);
  return made?.reduce((changed: string, edit: OffsetEdit) => changed.slice(0, edit.start) + edit.text + changed.slice(edit.end), text);
}

const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  clusterIP: 10.0.0.1\n  clusterIPs:\n  - 10.0.0.1\n  ports:\n  - port: 5432\n';

describe('text edits of rule suggestions, at the YAML positions', () => {
  it('replaces a scalar value and removes a key with its whole value, in the right document', () => {
    const text = `${SERVICE}---\n${SERVICE.replace('name: db', 'name: other')}`;
    const result = edited(text, [{ path: ['spec', 'clusterIP'], value: 'None' }, { path: ['spec', 'clusterIPs'] }], 1);
    expect(result).toBe(`${SERVICE}---\n${SERVICE.replace('name: db', 'name: other').replace('clusterIP: 10.0.0.1\n  clusterIPs:\n  - 10.0.0.1\n', 'clusterIP: None\n')}`);
  });

  it('adds missing keys under the deepest block mapping, indented as its keys, also without a final line break', () => {
    const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n    name: web\nspec:\n    replicas: 1';
    expect(edited(text, [{ path: ['spec', 'strategy', 'type'], value: 'Recreate' }])).toBe(`${text}\n    strategy:\n      type: Recreate\n`);
  });

  it('quotes a value YAML would read as something else, and makes no edit it cannot make in place', () => {
    expect(edited(SERVICE, [{ path: ['spec', 'clusterIP'], value: 'yes' }])).toContain('clusterIP: "yes"\n');
    expect(edited('apiVersion: v1\nkind: Service\nmetadata: {name: db}\nspec: {clusterIP: 10.0.0.1}\n', [{ path: ['spec', 'type'], value: 'ClusterIP' }])).toBeUndefined();
    expect(edited(SERVICE, [{ path: ['spec', 'ports', 0] }])).toBeUndefined(); // a list item is not a key to remove
    expect(edited(SERVICE, [{ path: ['spec', 'sessionAffinity'] }])).toBe(SERVICE); // nothing to remove
  });
});
