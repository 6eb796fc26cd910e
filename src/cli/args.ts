/**
 * A small argument parser: long options only (`--period P`, `--period=P`, `--json`), positionals
 * kept in order. Unknown options are an error: a typo must not silently change what a command does.
 */
import { UsageError } from './errors';

export interface OptionSpec {
  /** Options that take a value. */
  readonly values?: readonly string[];
  /** On/off options. */
  readonly flags?: readonly string[];
}

export interface ParsedArgs {
  readonly positionals: readonly string[];
  readonly values: Readonly<Record<string, string>>;
  readonly flags: ReadonlySet<string>;
}

/** Options every command accepts. */
export const GLOBAL_FLAGS = ['quiet', 'help'] as const;

export function parseArgs(argv: readonly string[], spec: OptionSpec, command: string): ParsedArgs {
  const valueNames = new Set(spec.values ?? []);
  const flagNames = new Set([...(spec.flags ?? []), ...GLOBAL_FLAGS]);
  const positionals: string[] = [];
  const values: Record<string, string> = {};
  const flags = new Set<string>();
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (onlyPositionals || !arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositionals = true;
      continue;
    }
    if (arg === '-h') {
      flags.add('help');
      continue;
    }
    if (arg === '-q') {
      flags.add('quiet');
      continue;
    }
    if (!arg.startsWith('--')) throw new UsageError(`${command}: unknown option ${arg} (see scorecard ${command} --help)`);
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (flagNames.has(name)) {
      if (eq !== -1) throw new UsageError(`${command}: --${name} takes no value`);
      flags.add(name);
    } else if (valueNames.has(name)) {
      const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
      if (value === undefined || (eq === -1 && value.startsWith('--'))) throw new UsageError(`${command}: --${name} needs a value`);
      if (name in values) throw new UsageError(`${command}: --${name} given twice`);
      values[name] = value;
    } else {
      throw new UsageError(`${command}: unknown option --${name} (see scorecard ${command} --help)`);
    }
  }
  return { positionals, values, flags };
}

export function requireValue(args: ParsedArgs, name: string, command: string): string {
  const v = args.values[name];
  if (v === undefined || v.trim() === '') throw new UsageError(`${command}: --${name} is required (see scorecard ${command} --help)`);
  return v;
}
