import { parseArgs, type ParseArgsConfig } from 'node:util';
import { stringify } from 'yaml';
import { rules as registry } from '../../rules/index.js';
import type { Io } from '../io.js';
import { isDnsSubdomain } from '../k8s/statefulsets.js';
import { lintFiles, type RawInput } from '../lint.js';
import { baseStdin } from '../base/load.js';
import { resolveOptions, type Settings } from '../options.js';
import { readStandardInput } from '../stdio.js';
import { UsageError } from '../util/errors.js';
import { bounded, oneLine } from '../util/sanitize.js';
import { allProblems, planRun, type PlanRun } from './plan.js';
import { PLAN_RULE_IDS } from './problems.js';
import { renderText } from './render-text.js';
import { append } from '../util/arrays.js';
import { closestName } from '../util/names.js';
import { gateAt, releaseAt, type GateName, type GateSettings } from '../k8s/feature-gates.js';
import { targetVersion } from './model.js';

/** The gates that change what the plan shows (src/plan/model.ts); --feature-gates accepts these. */
const GATE_NAMES: readonly GateName[] = ['MaxUnavailableStatefulSet', 'PodIndexLabel', 'StatefulSetAutoDeletePVC', 'StatefulSetMinReadySeconds', 'StatefulSetStartOrdinal'];

const OPTIONS = {
  format: { type: 'string', short: 'f', default: 'text' },
  name: { type: 'string' },
  namespace: { type: 'string', short: 'n' },
  replicas: { type: 'string', multiple: true },
  'scale-to': { type: 'string', multiple: true },
  delete: { type: 'boolean', default: false },
  'cluster-domain': { type: 'string', default: 'cluster.local' },
  'stdin-filename': { type: 'string' },
  config: { type: 'string', short: 'c' },
  'no-config': { type: 'boolean', default: false },
  'kubernetes-version': { type: 'string' },
  'feature-gates': { type: 'string', multiple: true },
  base: { type: 'string' },
  'base-files': { type: 'string', multiple: true },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  debug: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies ParseArgsConfig['options'];

const HELP = `Usage: stslint plan [options] PATH...

Show what the StatefulSet controller will create for each StatefulSet of the
manifests: pods, DNS names and claims, in which order they start, stop and
update, and what scaling or deleting does to the data.
PATH: files, directories (walked for .yaml, .yml, .json), globs, or - for stdin.

Options:
  -f, --format NAME         text (default), json or yaml
      --name NAME           plan only the StatefulSet of that name
  -n, --namespace NS        plan only StatefulSets of that namespace; objects that
                            set none are in NS (as kubectl -n)
      --replicas N[,N...]   also show a scale from spec.replicas to N (then to
                            the next N...); may be repeated
      --scale-to N[,N...]   the same as --replicas
      --delete              also show what deleting the StatefulSet does
      --cluster-domain D    cluster DNS domain (default cluster.local)
      --stdin-filename N    name to report standard input under
  -c, --config FILE         use this config file (default: .stslint.yaml found
                            upward); its rules, kubernetesVersion, namespace apply
      --no-config           ignore config files
      --kubernetes-version X.Y  target Kubernetes version: fields its API server
                            drops (feature gates off by default) are planned without
      --feature-gates G=B[,G=B...]  gates the cluster turns on (true) or off
                            (false), as kube-apiserver --feature-gates:
                            MaxUnavailableStatefulSet, PodIndexLabel,
                            StatefulSetAutoDeletePVC, StatefulSetMinReadySeconds,
                            StatefulSetStartOrdinal
      --base REF            say what applying the manifests does to what runs now:
                            the same paths at git revision REF
      --base-files PATH     the same, with previous manifests or live objects
                            (kubectl get -o yaml) in PATH (file, directory or -)
      --color, --no-color   force colors on or off (default: on for a terminal)
  -h, --help                show this help

Exit codes: 0 plan made; 1 plan made, with error-severity problems;
2 usage problem, no StatefulSet found, or an internal error.
`;

const MAX_REPLICAS = 2_147_483_647;
/**
 * Most scale steps one plan shows. Each step lists up to 10,000 pods with their claims (about 1.5 MB of JSON), so
 * 400 steps made a report too long for one string ("Invalid string length"); 100 steps stay under 200 MB.
 */
export const MAX_SCALE_STEPS = 100;

/** `stslint plan`: returns the exit code. */
export async function planCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args);
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  const format = values.format;
  if (format !== 'text' && format !== 'json' && format !== 'yaml') {
    throw new UsageError(`Unknown format '${format}' (use text, json or yaml)`);
  }
  if (positionals.length === 0) throw new UsageError('No paths given (use - to read standard input); see stslint plan --help');
  const settings: Settings = {
    config: values['no-config'] ? false : values.config,
    kubernetesVersion: values['kubernetes-version'],
    namespace: values.namespace,
    base: values.base,
    baseFiles: values['base-files'],
  };
  const names: Partial<Record<keyof Settings, string>> = {
    config: '--config',
    kubernetesVersion: '--kubernetes-version',
    namespace: '--namespace',
    base: '--base',
    baseFiles: '--base-files',
  };
  const resolved = resolveOptions(settings, io.cwd, (setting) => names[setting] ?? setting);
  const stdin: RawInput[] = [];
  if (positionals.includes('-')) {
    stdin.push(await readStandardInput(io, values['stdin-filename'], resolved.lint.maxFileBytes));
  }
  append(stdin, await baseStdin(values['base-files'], positionals, io.readStdin, resolved.lint.maxFileBytes));
  const planRules = registry.filter((rule) => PLAN_RULE_IDS.includes(rule.meta.id));
  const lintRun = await lintFiles(positionals.filter((path) => path !== '-'), { ...resolved.lint, registry: planRules }, stdin);
  const kubernetesVersion = targetVersion(resolved.lint.kubernetesVersion);
  const run = planRun(lintRun, {
    clusterDomain: clusterDomain(values['cluster-domain']),
    scaleTo: scaleTargets(values.replicas, values['scale-to']),
    delete: values.delete,
    name: values.name,
    namespace: values.namespace ?? resolved.config?.namespace,
    kubernetesVersion,
    featureGates: featureGates(values['feature-gates'] ?? [], kubernetesVersion),
    cwd: io.cwd,
  });
  if (run.plan.statefulSets.length === 0) throw new UsageError(nothingFound(run, values.name, values.namespace, io));
  const color = values['no-color'] ? false : (values.color ?? (io.isTTY && !io.env.NO_COLOR));
  if (format === 'json') io.stdout(`${JSON.stringify(run.plan, null, 2)}\n`);
  // Plain YAML: a pod's labels and the template's are one object, which stringify would write as an anchor and aliases.
  else if (format === 'yaml') io.stdout(stringify(run.plan, { aliasDuplicateObjects: false }));
  else io.stdout(renderText(run.plan, { color, cwd: io.cwd }));
  if (run.internalError) return 2;
  return allProblems(run.plan).some((problem) => problem.severity === 'error') ? 1 : 0;
}

function parse(args: string[]) {
  try {
    return parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]);
  }
}

function scaleTargets(replicas: string[] | undefined, scaleTo: string[] | undefined): number[] {
  if (replicas && scaleTo) throw new UsageError('Use --replicas or --scale-to, not both');
  const steps = (replicas ?? scaleTo ?? []).flatMap((value) => value.split(','));
  if (steps.length > MAX_SCALE_STEPS) throw new UsageError(`--replicas: at most ${MAX_SCALE_STEPS} scale steps, got ${steps.length}`);
  return steps.map(replicaCount);
}

function replicaCount(value: string): number {
  const count = Number(value.trim());
  if (!/^\s*\d+\s*$/.test(value) || count > MAX_REPLICAS) {
    throw new UsageError(`--replicas expects whole numbers from 0 to ${MAX_REPLICAS}, got '${bounded(value)}'`);
  }
  return count;
}

/**
 * `--feature-gates Name=true,Other=false` (repeatable) as gate settings. Usage errors: a gate stslint does not know
 * (with the closest name), a value other than true or false, a gate the target version does not have yet, and
 * turning off a GA gate (Kubernetes locks GA gates to on).
 */
function featureGates(values: string[], version: string): GateSettings {
  const settings: GateSettings = {};
  for (const item of values.flatMap((value) => value.split(',')).filter((item) => item.trim() !== '')) {
    const [name, value, ...rest] = item.split('=').map((part) => part.trim());
    const gate = GATE_NAMES.find((known) => known === name);
    if (!gate) {
      const closest = closestName(name, GATE_NAMES);
      throw new UsageError(`--feature-gates: unknown feature gate '${bounded(name)}'${closest ? ` (did you mean ${closest}?)` : ''}; plan knows ${GATE_NAMES.join(', ')}`);
    }
    if ((value !== 'true' && value !== 'false') || rest.length > 0) throw new UsageError(`--feature-gates: expected ${gate}=true or ${gate}=false, got '${bounded(item)}'`);
    const step = gateAt(gate, version);
    if (!step) throw new UsageError(`--feature-gates: Kubernetes ${version} has no feature gate ${gate} (it came in ${releaseAt(gate, 'alpha') ?? releaseAt(gate, 'beta')})`);
    if (step.stage === 'ga' && value === 'false') throw new UsageError(`--feature-gates: ${gate} is GA in Kubernetes ${version} and cannot be turned off`);
    settings[gate] = value === 'true';
  }
  return settings;
}

function clusterDomain(value: string): string {
  const domain = value.replace(/\.$/, '');
  if (!isDnsSubdomain(domain)) throw new UsageError(`--cluster-domain expects a DNS domain such as cluster.local, got '${bounded(value)}'`);
  return domain;
}

function nothingFound(run: PlanRun, name: string | undefined, namespace: string | undefined, io: Io): string {
  for (const problem of run.plan.inputProblems) {
    io.stderr(oneLine(`${problem.file}:${problem.line}:${problem.column}: ${problem.severity}: ${problem.message} (${problem.ruleId})`) + '\n');
  }
  const unread = run.plan.inputProblems.length > 0 ? ` (${run.plan.inputProblems.length} input problems above)` : '';
  if (run.found === 0) return `No StatefulSet found in the inputs${unread}`;
  const wanted = [name && `named '${bounded(name)}'`, namespace && `in namespace '${bounded(namespace)}'`].filter(Boolean).join(' ');
  return `No StatefulSet ${wanted} among the ${run.found} found in the inputs${unread}`;
}
