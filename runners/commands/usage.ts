/** Usage errors: a one-line reason and exit code 2, never a stack trace. */
export class UsageError extends Error {}

/**
 * A whole number within bounds, or a usage error naming the option.
 * @example integerOption('--port', '4010', 0, 65535) // 4010
 */
export function integerOption(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) throw new UsageError(`${name} must be a whole number from ${min} to ${max}, not '${value}'`);
  return Number(value);
}

/**
 * A comma-separated option as a list (`--suite merge,ranges`); empty when not given.
 * @example listOption('a, b,') // ['a', 'b']
 */
export const listOption = (value: string | undefined): string[] =>
  value
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean) ?? [];

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/**
 * A duration such as `90s`, `30m`, `1h`, `2d` in milliseconds, or a usage error naming the option.
 * @example durationOption('--older-than', '1h') // 3600000
 */
export function durationOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d{1,6})(s|m|h|d)$/.exec(value);
  if (!match) throw new UsageError(`${name} must be a duration such as 90s, 30m, 1h or 2d, not '${value}'`);
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}
