/**
 * The Pact core (Rust, through FFI) prints its own verification log, coloured, straight to file
 * descriptor 1: every failure would show twice (its log, then our summary) and NO_COLOR would be
 * ignored. So verify-pacts runs its work in a child process whose descriptor 1 we read: the
 * child's own lines travel on descriptor 3 and are printed once; the core's log is shown only with
 * --log-level info or more verbose, without colour unless stdout is a terminal and NO_COLOR unset.
 */
import { spawn } from 'node:child_process';
import { writeSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../cases/fixtures.js';
import { paint, stripColour, useColour, type Paint } from '../reporters/colour.js';

const CHILD = 'LAMBDA_EIC_VERIFY_CHILD';
const COLOUR = 'LAMBDA_EIC_VERIFY_COLOUR';

/** Whether this process is the child doing the verification. */
export const inVerifyChild = (): boolean => process.env[CHILD] === '1';

/**
 * Prints one of our lines: to the parent (descriptor 3) in the child, to stdout otherwise.
 * @example say('31 interactions: 31 passed, 0 failed')
 */
export function say(text: string): void {
  if (inVerifyChild()) writeSync(3, `${text}\n`);
  else console.log(text);
}

/** Colours for our lines, as the parent's stdout allows. */
export const verifyPaint = (): Paint => paint({ isTTY: inVerifyChild() ? process.env[COLOUR] === '1' : process.stdout.isTTY === true });

/**
 * Runs `lambda-eic verify-pacts argv` in a child and returns its exit code.
 * @example await verifyInChild(['--quirk', 'update-replaces'], false) // 1
 */
export function verifyInChild(argv: readonly string[], showCoreLog: boolean): Promise<number> {
  const colour = useColour(process.stdout);
  const child = spawn(process.execPath, [join(packageRoot(), 'bin', 'lambda-eic.js'), 'verify-pacts', ...argv], {
    env: { ...process.env, [CHILD]: '1', [COLOUR]: colour ? '1' : '0' },
    stdio: ['ignore', 'pipe', 'inherit', 'pipe'],
  });
  let tail = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    if (showCoreLog) process.stdout.write(colour ? text : stripColour(text));
    else tail = (tail + text).slice(-4000);
  });
  child.stdio[3]!.on('data', (chunk: Buffer) => process.stdout.write(chunk));
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      if (code === null || (code !== 0 && code !== 1 && code !== 2)) {
        console.error(`lambda-eic verify-pacts: the verifier stopped (${signal ?? `exit ${code}`}); the Pact core's last output:\n${stripColour(tail)}`);
        resolve(2);
      } else resolve(code);
    });
  });
}
