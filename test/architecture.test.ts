import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every TypeScript module of the product (src/ and rules/), by path relative to the repository. */
function modules(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith('.ts') && !path.endsWith('.d.ts')) found.push(relative('.', path));
    }
  };
  walk('src');
  walk('rules');
  return found.sort();
}

/** The modules a module imports (type-only imports included: a cycle of types is still a knot in the design). */
function importsOf(module: string): string[] {
  const code = readFileSync(module, 'utf8');
  const specifiers = [...code.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+'(\.{1,2}\/[^']+)'/g)].map((match) => match[1]);
  return specifiers.map((specifier) => relative('.', resolve(dirname(module), specifier)).replace(/\.js$/, '.ts'));
}

/** The import cycles among the modules, each as the list of modules around it (found by depth-first search). */
function cycles(): string[][] {
  const graph = new Map(modules().map((module) => [module, importsOf(module)]));
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (module: string) => {
    state.set(module, 'open');
    path.push(module);
    for (const next of graph.get(module) ?? []) {
      if (state.get(next) === 'open') found.push(path.slice(path.indexOf(next)));
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(module, 'done');
  };
  for (const module of graph.keys()) if (!state.has(module)) visit(module);
  return found;
}

describe('the architecture', () => {
  it('finds the imports of a module (the detector works)', () => {
    expect(importsOf('src/lint.ts')).toContain('src/linter/linter.ts');
    expect(modules()).toContain('rules/index.ts');
  });

  it('has no import cycle between source modules', () => {
    expect(cycles().map((cycle) => cycle.join(' → '))).toEqual([]);
  });

  it('keeps argv, standard output and exit codes in the front ends', () => {
    const code = (module: string) => readFileSync(module, 'utf8').replace(/^\s*(\*|\/\/).*$/gm, '');
    const touching = modules().filter((module) => /process\.(argv|stdout|exitCode|exit\()/.test(code(module)));
    expect(touching).toEqual([]);
  });
});
