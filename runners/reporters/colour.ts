/**
 * Colour for terminal output: only when the stream is a terminal, never when NO_COLOR is set to
 * anything but the empty string (https://no-color.org), never with TERM=dumb. Every command asks
 * here; nothing else writes escape sequences.
 */

export interface Paint {
  readonly red: (text: string) => string;
  readonly green: (text: string) => string;
  readonly yellow: (text: string) => string;
  readonly bold: (text: string) => string;
  readonly dim: (text: string) => string;
}

/**
 * Whether to colour what goes to `stream`.
 * @example useColour(process.stdout, process.env) // false in CI logs and pipes
 */
export function useColour(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}

const sgr = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
const same = (text: string) => text;

/**
 * Painters for a stream: real colours or the identity.
 * @example paint(process.stdout).red('FAIL')
 */
export function paint(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): Paint {
  return useColour(stream, env) ? { red: sgr(31, 39), green: sgr(32, 39), yellow: sgr(33, 39), bold: sgr(1, 22), dim: sgr(2, 22) } : { red: same, green: same, yellow: same, bold: same, dim: same };
}

/**
 * Removes colour escape sequences (from text a library coloured on its own).
 * @example stripColour('\u001b[31mx\u001b[0m') // 'x'
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: \u001b (ESC) starts every ANSI colour code
export const stripColour = (text: string): string => text.replace(/\u001b\[[0-9;]*m/g, '');
