import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLAN_RULE_IDS } from '../../src/plan/problems.js';
import { renderText } from '../../src/plan/render-text.js';
import { PLAN_FIXTURES, planFixture, planText } from './helpers.js';

const DOC = readFileSync(resolve('docs/plan.md'), 'utf8');

describe('docs/plan.md', () => {
  it('shows the output the example command prints', () => {
    const example = /## Example\n[\s\S]*?```\n([\s\S]*?)```/.exec(DOC)?.[1];
    const path = resolve(PLAN_FIXTURES, 'web-concept.yaml');
    const { plan } = planText({ [path]: readFileSync(path, 'utf8') }, { scaleTo: [1, 3], delete: true });
    expect(renderText(plan, { color: false, cwd: PLAN_FIXTURES })).toBe(example);
  });

  it('names every rule the plan takes its problems from', () => {
    for (const id of PLAN_RULE_IDS) expect(DOC).toContain(`\`${id}\``);
  });

  it('documents every field of the JSON structure', () => {
    const web = planFixture('web.yaml', { scaleTo: [1], delete: true });
    const fields = [...Object.keys(web), ...Object.keys(web.pods[0]), ...Object.keys(web.update), ...Object.keys(web.scale[0])];
    const documented = (field: string) => DOC.includes(`\`${field}\``) || DOC.includes(`"${field}"`);
    expect(fields.filter((field) => !documented(field))).toEqual([]);
  });
});
