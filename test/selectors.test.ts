import { describe, expect, it } from 'vitest';
import { hasUnknownOperator, isEmptySelector, mapSelects, selects, unmetRequirements } from '../src/k8s/selectors.js';

describe('label selectors', () => {
  const labels = { app: 'web', tier: 'db' };
  it('matches matchLabels', () => {
    expect(selects({ matchLabels: { app: 'web' } }, labels)).toBe(true);
    expect(selects({ matchLabels: { app: 'api' } }, labels)).toBe(false);
    expect(selects({ matchLabels: { app: 'web', env: 'prod' } }, labels)).toBe(false);
  });
  it('evaluates every operator', () => {
    expect(selects({ matchExpressions: [{ key: 'app', operator: 'In', values: ['api', 'web'] }] }, labels)).toBe(true);
    expect(selects({ matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['web'] }] }, labels)).toBe(false);
    expect(selects({ matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['dev'] }] }, labels)).toBe(true);
    expect(selects({ matchExpressions: [{ key: 'tier', operator: 'Exists' }] }, labels)).toBe(true);
    expect(selects({ matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }] }, labels)).toBe(false);
  });
  it('never matches an unknown operator or a non-string value', () => {
    expect(selects({ matchExpressions: [{ key: 'app', operator: 'Like', values: ['web'] }] }, labels)).toBe(false);
    expect(hasUnknownOperator({ matchExpressions: [{ key: 'app', operator: 'Like' }] })).toBe(true);
    expect(selects({ matchLabels: { port: 80 } }, { port: 80 })).toBe(false);
  });
  it('says which requirements fail', () => {
    expect(
      unmetRequirements({ matchLabels: { app: 'api' }, matchExpressions: [{ key: 'env', operator: 'Exists' }] }, labels),
    ).toEqual(['app=api', 'env']);
  });
  it('treats an empty selector as empty, and tolerates garbage', () => {
    expect(isEmptySelector({})).toBe(true);
    expect(isEmptySelector({ matchLabels: null, matchExpressions: 'x' })).toBe(true);
    expect(selects({ matchExpressions: [null, 3] } as never, labels)).toBe(true);
  });
  it('matches Service-style map selectors', () => {
    expect(mapSelects({ app: 'web' }, labels)).toBe(true);
    expect(mapSelects({ app: 'web', env: 'x' }, labels)).toBe(false);
  });
});

describe('describeRequirement', () => {
  it('says what a malformed requirement lacks instead of printing undefined', async () => {
    const { describeRequirement } = await import('../src/k8s/selectors.js');
    expect(describeRequirement({ operator: 'In', values: ['a'] })).toBe('a requirement without a key');
    expect(describeRequirement({ key: 'x' })).toBe('x (no operator)');
    expect(describeRequirement({ key: 'x', operator: 'In', values: ['a', 'b'] })).toBe('x in (a,b)');
  });
});
