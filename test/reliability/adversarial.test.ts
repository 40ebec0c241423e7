/**
 * Reliability, round two (tracker issue 20, with #11 §3): inputs that made stslint hang, crash, lose findings or do
 * quadratic work. Inputs come from the generators of bench/adversarial-inputs.mjs at scale 1, the size at which the
 * old code took many seconds, minutes or crashed (RELIABILITY.md has the figures); bench/adversarial.mjs runs the
 * same generators at scale 10. Tests run only the rules an input is about, so that what they spend is the work
 * under test, not every rule's.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { Parser } from 'yaml';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { adversarialCase, patternCrd, widgetCrd } from '../../bench/adversarial-inputs.mjs';
import { rules as registry } from '../../rules/index.js';
import { podHoldersOf } from '../../src/k8s/disruption-budget.js';
import { podLabels } from '../../src/k8s/resource-index.js';
import { describeStatefulSets, statefulSetsGovernedBy } from '../../src/k8s/statefulsets.js';
import { formatResults } from '../../src/formatters/index.js';
import { lintFiles, lintSources, type SourceInput } from '../../src/lint.js';
import type { LintMessage, LintResult } from '../../src/types.js';
import { BIN, tempDir } from './helpers.js';

// js-yaml's parser, counted: the fast loader reads values with it and outlines are built from its events.
vi.mock('js-yaml', async (original) => {
  const module = await original<typeof import('js-yaml')>();
  return { ...module, parseEvents: vi.fn(module.parseEvents) };
});
const { parseEvents } = await import('js-yaml');

const only = (...ids: string[]) => registry.filter((rule) => ids.includes(rule.meta.id));

/** Lint a generated case at scale 1 with the rules named; every message as `line:column-endLine:endColumn ruleId message`. */
function lintCase(id: string, ruleIds: string[] | 'all' = 'all') {
  const input = adversarialCase(id).generate(1) as { sources: SourceInput[]; format?: string };
  const run = lintSources(input.sources, ruleIds === 'all' ? {} : { registry: only(...ruleIds) });
  const messages = run.results.flatMap((result) => result.messages);
  return { input, run, messages };
}

const shown = (message: LintMessage) => `${message.line}:${message.column}-${message.endLine}:${message.endColumn} ${message.ruleId} ${message.message}`;

describe('regular expressions from manifests run on RE2 (linear time, the API server semantics)', () => {
  it('matches ^([a-z0-9]+)*$ against 3,200 characters that fail at the end (the JavaScript engine took 75 s for 32)', () => {
    const { messages } = lintCase('crd-pattern', ['schema']);
    expect(messages.map(shown)).toEqual([`25:3-25:3210 schema spec.name must match the pattern ^([a-z0-9]+)*$, got string "${'a'.repeat(37)}..."`]);
  });

  const widget = (name: string) => `apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec:\n  name: ${name}\n`;
  const lintWidget = (pattern: string, name: string) =>
    lintSources([{ path: 'w.yaml', text: `${patternCrd(pattern)}\n---\n${widget(name)}` }], { registry: only('schema') }).results[0].messages.map(shown);

  it('reads patterns as Go does: (?i) flags and \\pL classes work, \\d is ASCII only, the match is unanchored', () => {
    expect(lintWidget('(?i)^[a-z]+$', 'Abc')).toEqual([]);
    expect(lintWidget('^\\pL+$', 'été')).toEqual([]);
    expect(lintWidget('^\\d+$', '١٢')).toHaveLength(1);
    expect(lintWidget('b', 'abc')).toEqual([]);
  });

  it('reports a pattern RE2 refuses (a lookahead) on the CRD, at the pattern, and still checks the rest', () => {
    const text = `${patternCrd('^(?=a)b').replace('pattern:', 'maxLength: 2, pattern:')}\n---\n${widget('abc')}`;
    const messages = lintSources([{ path: 'w.yaml', text }], { registry: only('schema') }).results[0].messages.map(shown);
    expect(messages).toEqual([
      '19:52-19:70 schema spec.versions[0].schema.openAPIV3Schema.properties.spec.properties.name.pattern is not a regular expression the API server accepts (RE2 syntax: error parsing regexp: invalid or unsupported Perl syntax: `(?=`): the API server refuses this CustomResourceDefinition',
      '25:3-25:12 schema spec.name must be at most 2 characters long, got string "abc"',
    ]);
  });
});

describe('CRD schemas the API server refuses', () => {
  const crd = (properties: string[], spec: string[] = []) => `${widgetCrd(properties, spec)}\n---\napiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec:\n`;
  const lint = (text: string) => {
    const run = lintSources([{ path: 'w.yaml', text }], { registry: only('schema') });
    return { internalError: run.internalError, messages: run.results[0].messages.map(shown) };
  };

  it('reports $ref, if: 5, required: 5, type: 12, enum: 5 and maxLength: "x" on the CRD, and checks the custom resource against the rest', () => {
    const properties = ["ref: {$ref: '#/definitions/x'}", 'kind: {type: 12}', 'mode: {type: string, enum: 5}', 'name: {type: string, maxLength: "x"}', 'size: {type: integer, maximum: 5}'];
    const { internalError, messages } = lint(`${crd(properties, ['required: 5', 'if: 5'])}  size: 10\n  name: anything\n`);
    expect(internalError).toBe(false);
    const at = 'spec.versions[0].schema.openAPIV3Schema.properties.spec';
    expect(messages).toEqual([
      `18:15-18:26 schema ${at}.required must be a list, got number 5`,
      // JSONSchemaProps has no field `if`: with strict field validation (the default) kubectl apply refuses it.
      `19:15-19:20 schema ${at}.if is not a known field of JSONSchemaProps; did you mean 'id'?`,
      `21:23-21:46 schema ${at}.properties.ref.$ref is not supported in a CustomResourceDefinition schema: the API server refuses this CustomResourceDefinition`,
      `22:24-22:32 schema ${at}.properties.kind.type must be a string, got number 12; quote the value so YAML reads a string`,
      `23:38-23:45 schema ${at}.properties.mode.enum must be a list, got number 5`,
      `24:38-24:52 schema ${at}.properties.name.maxLength must be an integer, got string "x"`,
      '31:3-31:11 schema spec.size must be at most 5, got number 10',
    ]);
  });

  it('reports type: null, uniqueItems: true, items as a list and additionalProperties beside properties', () => {
    const properties = [
      "misc: {type: 'null'}",
      'tags: {type: array, uniqueItems: true, items: [{type: string}]}',
      'opts: {type: object, properties: {a: {type: string}}, additionalProperties: false}',
    ];
    const at = 'spec.versions[0].schema.openAPIV3Schema.properties.spec.properties';
    const refused = ': the API server refuses this CustomResourceDefinition';
    expect(lint(`${crd(properties)}  misc: x\n`).messages).toEqual([
      `19:24-19:36 schema ${at}.misc.type must be one of array, boolean, integer, number, object, string, got "null" (use nullable: true)${refused}`,
      `20:37-20:54 schema ${at}.tags.uniqueItems must not be true (checking that items are unique takes quadratic time)${refused}`,
      `20:56-20:61 schema ${at}.tags.items must be a schema, not a list of schemas${refused}`,
      `21:71-21:98 schema ${at}.opts.additionalProperties must not be set beside properties (only additionalProperties: true may be)${refused}`,
    ]);
  });

  it('validates every property name: __proto__ and constructor are checked and required like any other', () => {
    const properties = ['__proto__: {type: string}', 'constructor: {type: string}'];
    const required = ['required: [__proto__, constructor]'];
    expect(lint(`${crd(properties, required)}  __proto__: 5\n  constructor: 7\n`).messages).toEqual([
      '27:3-27:15 schema spec.__proto__ must be a string, got number 5; quote the value so YAML reads a string',
      '28:3-28:17 schema spec.constructor must be a string, got number 7; quote the value so YAML reads a string',
    ]);
    // Unknown fields are errors by default (kubectl apply's strict field validation applies to custom resources too).
    expect(lint(`${crd(properties, required)}  other: 1\n`).messages).toEqual([
      "26:1-26:5 schema spec is missing required fields '__proto__' and 'constructor'",
      '27:3-27:11 schema spec.other is not a known field',
    ]);
  });
});

describe('work per suppression annotation', () => {
  afterEach(() => vi.restoreAllMocks());

  it('parses a kind: List of 500 annotated items once for values, once for positions (each item used to re-parse the whole List: 60 s, 1.7 GB)', () => {
    const parse = vi.spyOn(Parser.prototype, 'parse');
    vi.mocked(parseEvents).mockClear();
    const { run, messages } = lintCase('list-annotations', ['pdb-missing', 'unused-suppression']);
    // The fast loader's parse and the outline's (event-outline.ts); the yaml package's parser where either gives up.
    expect(vi.mocked(parseEvents).mock.calls.length + parse.mock.calls.length).toBe(2);
    expect(messages).toEqual([]);
    const suppressed = run.results[0].suppressedMessages;
    expect(suppressed).toHaveLength(500);
    expect(suppressed[499]).toMatchObject({ line: 5999, name: 'd-499', suppressions: [{ kind: 'annotation', justification: 'drained by hand' }] });
  });
});

describe('large arrays are never spread into calls', () => {
  it('no code of src/ or rules/ spreads into a call: push(...items) and Math.max(...values) overflow past about 125,000 items', () => {
    const spreads: string[] = [];
    for (const file of typeScriptFiles(['src', 'rules'])) {
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
      const visit = (node: ts.Node): void => {
        if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && node.arguments?.some(ts.isSpreadElement)) {
          spreads.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${node.getText().slice(0, 80)}`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(spreads).toEqual([]);
  });

  it('lints 150,000 documents of one file and formats their 150,000 findings with stylish', async () => {
    const { run, input } = lintCase('documents', []);
    expect(run.results[0].messages).toHaveLength(150_000);
    const report = await formatResults(input.format!, run.results, { cwd: '/', color: false, rulesMeta: {} });
    expect(report.trimEnd().split('\n').at(-1)).toBe('\u2716 150000 problems (150000 errors, 0 warnings)');
  });

  it.each(['stylish', 'compact', 'json', 'sarif', 'github', 'junit'])('formats 130,000 findings of one file with %s', async (format) => {
    const message: LintMessage = { ruleId: 'schema', severity: 2, message: 'x', line: 1, column: 1, endLine: 1, endColumn: 2 };
    const result: LintResult = {
      filePath: '/a.yaml',
      messages: Array.from({ length: 130_000 }, (_, i) => ({ ...message, line: i + 1, endLine: i + 1 })),
      suppressedMessages: [],
      errorCount: 130_000,
      fatalErrorCount: 0,
      warningCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
    };
    const rulesMeta = Object.fromEntries(registry.map((rule) => [rule.meta.id, rule.meta]));
    const report = await formatResults(format, [result], { cwd: '/', color: false, rulesMeta });
    expect(report.length).toBeGreaterThan(130_000 * 10);
  });
});

describe('a lone carriage return is a line break everywhere', () => {
  // The script holds a lone CR: before, directives counted it as a line break and positions did not, so the
  // directive of line 9 applied to line 11 and hid its error (exit 1 became 0).
  const text = [
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: notes',
    'data:',
    '  script: |',
    '    echo one\r    echo two',
    '  # stslint-disable-next-line duplicate-key -- level is the old key',
    '  level: low',
    '  level: high',
    '',
  ].join('\n');

  it('keeps the error two lines below a disable-next-line: exit 1 stays 1', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.yaml'), text);
    const child = spawnSync(process.execPath, [BIN, 'lint', '-f', 'json', 'notes.yaml'], { cwd: dir, encoding: 'utf8' });
    expect(child.status).toBe(1);
    const [result] = JSON.parse(child.stdout) as LintResult[];
    expect(result.messages.map(shown)).toEqual([
      '9:3-9:68 unused-suppression Unused stslint-disable-next-line directive (no \'duplicate-key\' finding here to suppress)',
      "11:3-11:8 duplicate-key Duplicate key 'level': kubectl keeps one value, in practice the last, and strict field validation never sees the other (kubectl converts YAML to JSON before sending); a client that sends this YAML as is is refused under strict field validation",
    ]);
  });

  it('ends a comment at a lone CR, as kubectl does: what follows is read, and a directive there names the next line', () => {
    const config = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  # stslint-disable-next-line duplicate-key\r  a: 1\n  a: 2\n';
    const run = lintSources([{ path: 'c.yaml', text: config }], { registry: only('duplicate-key', 'unused-suppression') });
    expect(run.results[0].messages.map(shown)).toEqual([
      "6:3-6:44 unused-suppression Unused stslint-disable-next-line directive (no 'duplicate-key' finding here to suppress)",
      "8:3-8:4 duplicate-key Duplicate key 'a': kubectl keeps one value, in practice the last, and strict field validation never sees the other (kubectl converts YAML to JSON before sending); a client that sends this YAML as is is refused under strict field validation",
    ]);
  });
});

describe('quadratic work made linear', () => {
  it('reads a directive comment of 1.44 MB ending in U+2028 (the directive regex took 54 s)', () => {
    const { messages } = lintCase('directive-u2028', ['unused-suppression']);
    expect(messages.map(shown)).toEqual(["1:1-1:1440028 unused-suppression Unknown rule 'a' in stslint-disable-next-line directive: it suppresses nothing"]);
  });

  it('parses a storage quantity of 100,000 digits with a bad suffix (the quantity regex took 19 s)', () => {
    const { messages } = lintCase('quantity-digits', ['statefulset-claim-template-invalid']);
    expect(messages.map((message) => `${message.line}:${message.column}-${message.endLine}:${message.endColumn}`)).toEqual(['11:32-11:100044']);
    // The value is quoted cut short: a message stays bounded however long the manifest's value is.
    expect(messages[0].message).toMatch(/^Claim template 'data' of StatefulSet 'db' requests storage "1{990,1000}…/);
    expect(messages[0].message.length).toBeLessThan(1300);
  });

  it('finds the duplicate among 80,000 keys of one mapping (the yaml package compared every pair: 52 s)', () => {
    const { messages } = lintCase('wide-mapping', []);
    expect(messages.map(shown)).toEqual(["80005:3-80005:5 duplicate-key Duplicate key 'k7': kubectl keeps one value, in practice the last, and strict field validation never sees the other (kubectl converts YAML to JSON before sending); a client that sends this YAML as is is refused under strict field validation"]);
  });

  it('relates a StatefulSet, its Service and its budget selecting on 50,000 labels (140 s, 971 MB)', () => {
    const { messages } = lintCase('many-labels', ['pdb-missing', 'pdb-selects-nothing', 'statefulset-service-selector', 'duplicate-key']);
    expect(messages).toEqual([]);
  });

  it.each(['pdb-expressions', 'pdb-shared-label'])('relates 2,000 workloads and 2,000 budgets of %s, each budget to its workload only (29 s)', (id) => {
    const { run, messages } = lintCase(id, ['pdb-missing', 'pdb-selects-nothing', 'pdb-blocks-eviction']);
    expect(messages).toEqual([]);
    const budgets = run.index.ofKind('PodDisruptionBudget');
    expect(budgets).toHaveLength(2000);
    for (const budget of budgets) expect(podHoldersOf(budget, run.index).map((workload) => workload.name)).toEqual([budget.name]);
    for (const workload of run.index.ofKind('Deployment')) {
      expect(run.index.selecting('PodDisruptionBudget', 'default', podLabels(workload)).map((budget) => budget.name)).toEqual([workload.name]);
    }
  });

  it('relates 20,000 StatefulSets to the one Service they name (35 s), and names five of them in messages', () => {
    const { run, messages } = lintCase('shared-service-name', ['statefulset-service-not-headless', 'statefulset-service-selector']);
    expect(messages).toEqual([]);
    const governed = statefulSetsGovernedBy(run.index, run.index.get('Service', 'default', 'db')!);
    expect(governed).toHaveLength(20_000);
    expect(describeStatefulSets(governed)).toBe("StatefulSets 'db-0', 'db-1', 'db-2', 'db-3', 'db-4' and 19995 more");
  });

  it('reports 19,999 copies of one object, each pointing at the first (46 s)', () => {
    const { messages } = lintCase('copies', ['duplicate-resource']);
    expect(messages).toHaveLength(19_999);
    expect(messages.at(-1)).toMatchObject({ line: 79_999, message: "ConfigMap 'same' in namespace 'default' is already declared at copies.yaml:3; the later one replaces it" });
  });

  it("looks Services up by name across namespaces for 20,000 StatefulSets (ResourceIndex.named scanned every Service)", () => {
    const { messages } = lintCase('named-lookup', ['statefulset-service-missing']);
    expect(messages).toHaveLength(20_000);
    expect(messages.at(-1)!.message).toMatch(/names Service 'svc-19999', which is not declared in namespace 'a'.*a Service 'svc-19999' exists in namespace 'b'/);
  });
});

describe('--context: findings on context objects that linted objects cause', () => {
  /** deploy/ as in the README's pre-commit setup: the StatefulSet changed, its Service and budget did not. */
  function deployDir(statefulSet: { replicas: number; serviceName: string }): string {
    const dir = tempDir();
    mkdirSync(join(dir, 'deploy'));
    const files = {
      'sts.yaml': `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: ${statefulSet.serviceName}
  replicas: ${statefulSet.replicas}
  selector:
    matchLabels: {app: db}
  template:
    metadata:
      labels: {app: db}
    spec:
      affinity:
        podAntiAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            - labelSelector: {matchLabels: {app: db}}
              topologyKey: kubernetes.io/hostname
      containers:
        - name: db
          image: postgres:16
          volumeMounts: [{name: data, mountPath: /var/lib/postgresql/data}]
  volumeClaimTemplates:
    - metadata: {name: data}
      spec:
        accessModes: [ReadWriteOnce]
        resources: {requests: {storage: 10Gi}}
`,
      'svc.yaml': `apiVersion: v1
kind: Service
metadata:
  name: db
spec:
  clusterIP: None
  selector: {app: db}
---
apiVersion: v1
kind: Service
metadata:
  name: db-read
spec:
  selector: {app: db}
  ports: [{port: 5432}]
`,
      'pdb.yaml': `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: db
spec:
  minAvailable: 3
  selector:
    matchLabels: {app: db}
`,
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'deploy', name), text);
    return dir;
  }

  const hook = async (cwd: string) => {
    const run = await lintFiles(['deploy/sts.yaml'], { cwd, contextPaths: ['deploy/'] });
    return run.results.flatMap((result) => result.messages.map((message) => `${result.filePath.slice(cwd.length + 1)} ${shown(message)}`));
  };

  it('reports what the change breaks in unchanged files, naming the change (the hook used to pass)', async () => {
    const cwd = deployDir({ replicas: 3, serviceName: 'db-read' });
    const caused = " (caused by StatefulSet 'db' in deploy/sts.yaml)";
    expect(await hook(cwd)).toEqual([
      `deploy/pdb.yaml 6:3-6:18 pdb-blocks-eviction PodDisruptionBudget 'db' requires minAvailable 3 of StatefulSet 'db' with 3 replicas: no pod can ever be evicted, so node drains hang${caused}`,
      `deploy/svc.yaml 13:1-13:5 statefulset-service-not-headless Service 'db-read' governing StatefulSet 'db' is not headless (no clusterIP, so it gets a virtual IP); cluster DNS publishes per-pod names (<pod>.db-read.default.svc) only for a headless Service: set clusterIP: None${caused}`,
    ]);
    // The full run reports the same two errors, on objects it lints, without the suffix.
    const full = await lintFiles(['deploy/'], { cwd });
    expect(full.results.flatMap((result) => result.messages.map((message) => message.message))).toEqual([
      "PodDisruptionBudget 'db' requires minAvailable 3 of StatefulSet 'db' with 3 replicas: no pod can ever be evicted, so node drains hang",
      "Service 'db-read' governing StatefulSet 'db' is not headless (no clusterIP, so it gets a virtual IP); cluster DNS publishes per-pod names (<pod>.db-read.default.svc) only for a headless Service: set clusterIP: None",
    ]);
  });

  it('stays silent on context objects when the change breaks nothing, and on problems the change did not cause', async () => {
    expect(await hook(deployDir({ replicas: 4, serviceName: 'db' }))).toEqual([]);
    const cwd = deployDir({ replicas: 4, serviceName: 'db' });
    writeFileSync(join(cwd, 'deploy/pdb.yaml'), readFileSync(join(cwd, 'deploy/pdb.yaml'), 'utf8').replace('minAvailable: 3', 'maxUnavailable: 0'));
    expect(await hook(cwd)).toEqual([]);
  });

  it('honours suppression directives in the context file, without reporting them as unused', async () => {
    const cwd = deployDir({ replicas: 3, serviceName: 'db' });
    const pdb = join(cwd, 'deploy/pdb.yaml');
    writeFileSync(pdb, readFileSync(pdb, 'utf8').replace('  minAvailable: 3', '  # stslint-disable-next-line pdb-blocks-eviction -- drained by hand\n  minAvailable: 3'));
    writeFileSync(join(cwd, 'deploy/svc.yaml'), `# stslint-disable-next-line pdb-missing\n${readFileSync(join(cwd, 'deploy/svc.yaml'), 'utf8')}`);
    expect(await hook(cwd)).toEqual([]);
  });

  it('checks 2,000 StatefulSets against their budgets in a context file', () => {
    const { messages } = lintCase('context', ['pdb-blocks-eviction']);
    expect(messages).toHaveLength(2000);
    expect(messages[0].message).toMatch(/^PodDisruptionBudget 'db-0' requires minAvailable 3 .* \(caused by StatefulSet 'db-0' in sts\.yaml\)$/);
  });
});

function typeScriptFiles(roots: string[]): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith('.ts')) files.push(path);
    }
  };
  for (const root of roots) walk(resolve(root));
  return files;
}
