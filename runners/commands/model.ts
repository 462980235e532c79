/**
 * The command model of the `lambda-eic` CLI: each command declares its options once (type,
 * value name, description, default, validation, help group) and its help is rendered from them.
 * Parsing is `node:util` parseArgs underneath; a bad value is a one-line usage error (exit 2).
 *
 * @example
 * const spec = defineCommand({
 *   name: 'serve',
 *   description: 'Serves the emulator.',
 *   options: { port: { type: 'string', value: 'N', description: 'port', default: '0', check: integer(0, 65535) } },
 *   run: async ({ port }) => 0,
 * });
 * await runSpec(spec, ['--port', '4010']);
 */
import { parseArgs } from 'node:util';
import { UsageError } from './usage.js';

/** A check of one option's value; throws `UsageError` naming the flag. */
export type Check = (value: string, flag: string) => void;

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  /** The value's name in help (`URL`, `N`, `a,b`). */
  readonly value?: string;
  /** What the option does; `\n` starts a new help line. */
  readonly description: string;
  /** The default, as help shows it (the command applies it). */
  readonly default?: string;
  /** Repeatable: the values come as a list. */
  readonly multiple?: boolean;
  readonly short?: string;
  /** Checked on every given value before the command runs. */
  readonly check?: Check;
  /** The help section the option is listed under (default `Options`). */
  readonly group?: string;
}

export type OptionTable = Readonly<Record<string, OptionSpec>>;

/** The parsed values of an option table. */
export type Values<O extends OptionTable> = {
  -readonly [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : O[K]['multiple'] extends true ? string[] : string;
};

export interface CommandSpec<O extends OptionTable = OptionTable> {
  readonly name: string;
  /** What comes after the options in the usage line (`REPORT.json [REPORT.json ...]`). */
  readonly positionals?: { readonly usage: string; readonly min: number };
  /** The paragraph under the usage line. */
  readonly description: string;
  readonly options: O;
  /** Text after the options: exit codes, environment. */
  readonly notes?: string;
  readonly run: (values: Values<O>, positionals: string[], argv: string[]) => Promise<number>;
}

/** Declares a command, keeping its option table's exact type for `run`. */
export const defineCommand = <O extends OptionTable>(spec: CommandSpec<O>): CommandSpec<O> => spec;

const HELP_OPTION: OptionSpec = { type: 'boolean', short: 'h', description: "print this help (also 'lambda-eic help <command>')" };
const COLUMN = 26;
const WIDTH = 104;

/** Splits a help line at spaces so it fits beside the option column. */
function wrap(line: string): string[] {
  const out: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    if (current && current.length + 1 + word.length > WIDTH - COLUMN) {
      out.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  return [...out, current];
}

/** One option as help shows it: flag and value, then the description, then the default. */
function optionLines(name: string, option: OptionSpec): string[] {
  const flag = `  --${name}${option.value ? ` ${option.value}` : ''}`;
  const lines = option.description.split('\n');
  if (option.default !== undefined) lines[lines.length - 1] += ` (default ${option.default})`;
  const text = lines.flatMap(wrap);
  const first = flag.length < COLUMN ? [`${flag.padEnd(COLUMN)}${text[0]}`] : [flag, `${' '.repeat(COLUMN)}${text[0]}`];
  return [...first, ...text.slice(1).map((line) => `${' '.repeat(COLUMN)}${line}`)];
}

/**
 * A command's help, rendered from its declaration: usage, description, options by group, notes.
 * @example renderHelp(spec).split('\n')[0] // 'Usage: lambda-eic serve [options]'
 */
export function renderHelp(spec: Omit<CommandSpec, 'run'>): string {
  const groups = new Map<string, string[]>();
  for (const [name, option] of [...Object.entries(spec.options), ['help', HELP_OPTION] as const]) {
    const group = option.group ?? 'Options';
    groups.set(group, [...(groups.get(group) ?? []), ...optionLines(name, option)]);
  }
  return [
    `Usage: lambda-eic ${spec.name} [options]${spec.positionals ? ` ${spec.positionals.usage}` : ''}`,
    '',
    spec.description,
    ...[...groups].flatMap(([title, lines]) => ['', `${title}:`, ...lines]),
    ...(spec.notes ? ['', spec.notes] : []),
  ].join('\n');
}

/**
 * Parses argv against the declaration and checks every value; `undefined` when help was asked for
 * (and printed).
 * @example parseCommand(spec, ['--port', '4010'])?.values.port // '4010'
 */
export function parseCommand<O extends OptionTable>(spec: CommandSpec<O>, argv: string[]): { values: Values<O>; positionals: string[] } | undefined {
  const options = Object.fromEntries(
    Object.entries({ ...spec.options, help: HELP_OPTION }).map(([name, o]) => [name, { type: o.type, ...(o.multiple ? { multiple: true } : {}), ...(o.short ? { short: o.short } : {}) }]),
  );
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, strict: true, allowPositionals: spec.positionals !== undefined });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]} (see --help)`);
  }
  const values = parsed.values as Record<string, string | boolean | string[] | undefined>;
  if (values.help) {
    console.log(renderHelp(spec));
    return undefined;
  }
  for (const [name, option] of Object.entries(spec.options)) {
    const given = values[name];
    if (option.check && given !== undefined && typeof given !== 'boolean') for (const v of [given].flat()) option.check(v, `--${name}`);
  }
  if (spec.positionals && parsed.positionals.length < spec.positionals.min) throw new UsageError(`needs ${spec.positionals.usage} (see --help)`);
  delete values.help;
  return { values: values as Values<O>, positionals: parsed.positionals };
}

/**
 * Parses and runs a command; its exit code, or 0 after printing help.
 * @example await runSpec(spec, ['--help']) // 0
 */
export async function runSpec<O extends OptionTable>(spec: CommandSpec<O>, argv: string[]): Promise<number> {
  const parsed = parseCommand(spec, argv);
  return parsed ? spec.run(parsed.values, parsed.positionals, argv) : 0;
}

/** Checks: one of a list. */
export const oneOf =
  (choices: readonly string[]): Check =>
  (value, flag) => {
    if (!choices.includes(value)) throw new UsageError(`${flag} must be one of ${choices.join(', ')}, not '${value}'`);
  };

/** Checks: every comma-separated item is one of a list (`--suite merge,ranges`). */
export const someOf =
  (choices: readonly string[], what: string): Check =>
  (value) => {
    for (const item of value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean))
      if (!choices.includes(item)) throw new UsageError(`unknown ${what} '${item}'; ${what}s: ${choices.join(', ')}`);
  };

/** Checks: a whole number within bounds. */
export const integer =
  (min: number, max: number): Check =>
  (value, flag) => {
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, not '${value}'`);
  };

/** Checks: a value matching a pattern, described in words for the error. */
export const matching =
  (pattern: RegExp, what: string): Check =>
  (value, flag) => {
    if (!pattern.test(value)) throw new UsageError(`${flag} must be ${what}, not '${value}'`);
  };

/** An http(s) URL. */
export const URL_CHECK = matching(/^https?:\/\/[^\s/]+/, 'an http(s) URL');
