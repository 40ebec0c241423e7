import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { stringify } from 'yaml';
import type { Io } from '../cli.js';
import { decodeManifest, expandPaths, readManifest, UsageError } from '../load/files.js';
import type { SourceInput } from '../lint.js';
import { oneLine } from '../util/sanitize.js';
import { isDnsSubdomain } from '../k8s/statefulsets.js';
import { allProblems, planSources, type PlanRun } from './plan.js';
import { renderText } from './render-text.js';
import type { PlanProblem } from './types.js';

const OPTIONS = {
  format: { type: 'string', short: 'f', default: 'text' },
  name: { type: 'string' },
  namespace: { type: 'string', short: 'n' },
  replicas: { type: 'string', multiple: true },
  'scale-to': { type: 'string', multiple: true },
  delete: { type: 'boolean', default: false },
  'cluster-domain': { type: 'string', default: 'cluster.local' },
  'stdin-filename': { type: 'string' },
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
  -n, --namespace NS        plan only StatefulSets of that namespace
      --replicas N[,N...]   also show a scale from spec.replicas to N (then to
                            the next N...); may be repeated
      --scale-to N[,N...]   the same as --replicas
      --delete              also show what deleting the StatefulSet does
      --cluster-domain D    cluster DNS domain (default cluster.local)
      --stdin-filename N    name to report standard input under
      --color, --no-color   force colors on or off (default: on for a terminal)
  -h, --help                show this help

Exit codes: 0 plan made; 1 plan made, with error-severity problems;
2 usage problem, no StatefulSet found, or an internal error.
`;

const MAX_REPLICAS = 2_147_483_647;

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
  const { inputs, readProblems } = await readInputs(positionals, values['stdin-filename'], io);
  const run = planSources(
    inputs,
    {
      clusterDomain: clusterDomain(values['cluster-domain']),
      scaleTo: scaleTargets(values.replicas, values['scale-to']),
      delete: values.delete,
      name: values.name,
      namespace: values.namespace,
    },
    readProblems,
  );
  if (run.plan.statefulSets.length === 0) throw new UsageError(nothingFound(run, values.name, values.namespace, io));
  const color = values['no-color'] ? false : (values.color ?? (io.isTTY && !io.env.NO_COLOR));
  if (format === 'json') io.stdout(`${JSON.stringify(run.plan, null, 2)}\n`);
  else if (format === 'yaml') io.stdout(stringify(run.plan));
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

async function readInputs(positionals: string[], stdinName: string | undefined, io: Io) {
  const inputs: SourceInput[] = [];
  const readProblems: PlanProblem[] = [];
  const files = await expandPaths(
    positionals.filter((path) => path !== '-'),
    io.cwd,
  );
  for (const file of files) {
    const read = await readManifest(file);
    if ('text' in read) inputs.push({ path: file, text: read.text });
    else readProblems.push(read.finding);
  }
  if (positionals.includes('-')) {
    const name = stdinName ? resolve(io.cwd, stdinName) : '<stdin>';
    const read = decodeManifest(name, io.readStdin());
    if ('text' in read) inputs.push({ path: name, text: read.text });
    else readProblems.push(read.finding);
  }
  return { inputs, readProblems };
}

function scaleTargets(replicas: string[] | undefined, scaleTo: string[] | undefined): number[] {
  if (replicas && scaleTo) throw new UsageError('Use --replicas or --scale-to, not both');
  return (replicas ?? scaleTo ?? []).flatMap((value) => value.split(',')).map(replicaCount);
}

function replicaCount(value: string): number {
  const count = Number(value.trim());
  if (!/^\s*\d+\s*$/.test(value) || count > MAX_REPLICAS) {
    throw new UsageError(`--replicas expects whole numbers from 0 to ${MAX_REPLICAS}, got '${value}'`);
  }
  return count;
}

function clusterDomain(value: string): string {
  const domain = value.replace(/\.$/, '');
  if (!isDnsSubdomain(domain)) throw new UsageError(`--cluster-domain expects a DNS domain such as cluster.local, got '${value}'`);
  return domain;
}

function nothingFound(run: PlanRun, name: string | undefined, namespace: string | undefined, io: Io): string {
  for (const problem of run.plan.inputProblems) {
    io.stderr(oneLine(`${problem.file}:${problem.line}:${problem.column}: ${problem.severity}: ${problem.message} (${problem.ruleId})`) + '\n');
  }
  const unread = run.plan.inputProblems.length > 0 ? ` (${run.plan.inputProblems.length} input problems above)` : '';
  if (run.found === 0) return `No StatefulSet found in the inputs${unread}`;
  const wanted = [name && `named '${name}'`, namespace && `in namespace '${namespace}'`].filter(Boolean).join(' ');
  return `No StatefulSet ${wanted} among the ${run.found} found in the inputs${unread}`;
}
