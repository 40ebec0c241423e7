/**
 * Reading a command's arguments against its option table (node:util parseArgs), with every problem said in
 * stslint's words on one line: an unknown option (with the closest known one), an option without its value, a
 * value given to a switch, an argument given to a command that takes none, and an option that takes one value given
 * twice. A negative number after an option that takes a value is its value (`--max-warnings -1`), as in ESLint.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './util/errors.js';
import { closestName } from './util/names.js';
import { bounded } from './util/sanitize.js';

type OptionTable = NonNullable<ParseArgsConfig['options']>;

/**
 * The values and positional arguments of `args` for the options of `table`. `command` names the command in
 * messages (`stslint rules`); `positionals: false` refuses any argument that is not an option. Throws UsageError
 * (one line) for every problem parseArgs finds and for a single-value option given more than once.
 */
export function parseCommandLine<T extends OptionTable>(
  args: readonly string[],
  table: T,
  command: string,
  positionals = true,
): { values: ReturnType<typeof parseArgs<{ options: T; strict: true; allowPositionals: true }>>['values']; positionals: string[] } {
  const merged = withNegativeValues(args, table);
  let parsed;
  try {
    parsed = parseArgs({ args: merged, options: table, allowPositionals: positionals, strict: true, tokens: true });
  } catch (error) {
    throw new UsageError(reworded(error as NodeJS.ErrnoException, merged, table, command));
  }
  const seen = new Set<string>();
  for (const token of parsed.tokens) {
    if (token.kind !== 'option' || table[token.name].type !== 'string' || table[token.name].multiple) continue;
    if (seen.has(token.name)) throw new UsageError(`--${token.name} was given more than once; give it once`);
    seen.add(token.name);
  }
  return { values: parsed.values, positionals: parsed.positionals as string[] };
}

/** `--name -1` (and `-x -1`) as `--name=-1` when the option takes a value; parseArgs would call it ambiguous. */
function withNegativeValues(args: readonly string[], table: OptionTable): string[] {
  const merged: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const name = optionName(args[i], table);
    if (args[i] === '--') return [...merged, ...args.slice(i)];
    if (name !== undefined && table[name].type === 'string' && /^-\d+$/.test(args[i + 1] ?? '')) merged.push(`--${name}=${args[++i]}`);
    else merged.push(args[i]);
  }
  return merged;
}

/** The long name of an option written `--name` or `-x` (no inline value), when the table has it. */
function optionName(arg: string, table: OptionTable): string | undefined {
  if (/^--[^=]+$/.test(arg)) return arg.slice(2) in table ? arg.slice(2) : undefined;
  if (/^-[^-]$/.test(arg)) return Object.keys(table).find((name) => table[name].short === arg[1]);
  return undefined;
}

/** parseArgs' error in stslint's words, naming the option as the user wrote it. */
function reworded(error: NodeJS.ErrnoException, args: readonly string[], table: OptionTable, command: string): string {
  const quoted = /'([^']*)'/.exec(error.message)?.[1] ?? '';
  const long = (flag: string) => {
    const name = optionName(flag, table);
    return name === undefined ? flag : `--${name}`;
  };
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const closest = closestName(quoted.replace(/^-+/, ''), Object.keys(table));
      const hint = closest ? `; did you mean --${closest}?` : '';
      return `Unknown option '${bounded(quoted)}'${hint} (see ${command} --help; a path starting with - goes after --)`;
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      if (/does not take an argument/.test(error.message)) return `${long(quoted)} takes no value`;
      // "Option '-f, --format <value>' argument missing" or "Option '--base' argument is ambiguous": the value is missing.
      const flag = quoted.replace(/ <value>$/, '').split(', ').at(-1)!;
      const next = args[args.indexOf(quoted) + 1];
      const after = /ambiguous/.test(error.message) && next !== undefined ? ` (the next argument, '${bounded(next)}', is an option; write ${long(flag)}=VALUE for a value starting with -)` : '';
      return `${long(flag)} needs a value${after}`;
    }
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `${command} takes no arguments besides options, got '${bounded(quoted)}'`;
    default:
      return error.message.split('\n')[0];
  }
}
