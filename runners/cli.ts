/** The `lambda-eic` command line: argument parsing and dispatch to subcommands. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../cases/fixtures.js';
import { UsageError } from './commands/usage.js';
import { watchParentWhenLaunchedByNpm } from './process/parent-watch.js';
import { heldSignalExit } from './process/signals.js';

/** This package's version, from its package.json. */
const packageVersion = (): string => (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;

/** Each command loads only what it needs: `serve` starts without the AWS SDK or Pact's core. */
const COMMANDS: Record<string, { summary: string; run: (argv: string[]) => Promise<number> }> = {
  run: {
    summary: 'replay the conformance suites against a target and report where it differs from AWS',
    run: async (argv) => (await import('./commands/run.js')).runCommand(argv),
  },
  serve: { summary: 'run the embedded emulator over HTTP until interrupted', run: async (argv) => (await import('./commands/serve.js')).serveCommand(argv) },
  fuzz: {
    summary: 'stateful differential fuzzing: random call sequences against a target and the model, shrunk differences',
    run: async (argv) => (await import('./commands/fuzz.js')).fuzzCommand(argv),
  },
  baseline: { summary: 'write a baseline (known failing expectations, with reasons) from a JSON report', run: async (argv) => (await import('./commands/baseline.js')).baselineCommand(argv) },
  findings: { summary: "a target's divergences grouped by root cause, with AWS CLI reproductions (Markdown)", run: async (argv) => (await import('./commands/findings.js')).findingsCommand(argv) },
  record: {
    summary: 're-record fixtures/aws from a real account (--target aws) and show what changed',
    run: async (argv) => (await import('./commands/record.js')).recordCommand(argv),
  },
  cleanup: {
    summary: 'find and delete what real-account runs left behind (--target aws), by tag and prefix',
    run: async (argv) => (await import('./commands/cleanup.js')).cleanupCommand(argv),
  },
  matrix: { summary: 'put run reports side by side: an HTML page and Markdown with scores and root causes', run: async (argv) => (await import('./commands/matrix.js')).matrixCommand(argv) },
  'verify-pacts': { summary: 'verify Pact contracts (ours, yours, a broker) against a target', run: async (argv) => (await import('./commands/verify-pacts.js')).verifyPactsCommand(argv) },
  contracts: {
    summary: 'regenerate the Pact contracts from the fixtures (needs @pact-foundation/pact)',
    run: async (argv) => (await import('./commands/contracts.js')).contractsCommand(argv),
  },
  'publish-pacts': {
    summary: 'publish pact files to a Pact Broker (consumer side)',
    run: async (argv) => (await import('./commands/contracts.js')).publishPactsCommand(argv),
  },
};

export const HELP = `lambda-eic: conformance suite, emulator and mocks for the AWS Lambda event-invoke-config API

Usage: lambda-eic <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(14)}${c.summary}`)
  .join('\n')}

Run 'lambda-eic help <command>' (or 'lambda-eic <command> --help') for a command's options; 'lambda-eic --version' prints the version.
Exit codes: 0 success, 1 conformance failures, 2 usage error or unreachable target.`;

/**
 * Runs the CLI and returns its exit code.
 * @example await main(['serve', '--port', '4010'])
 */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    console.error(HELP);
    return 2;
  }
  if (name === '--version' || name === '-v' || name === 'version') {
    console.log(packageVersion());
    return 0;
  }
  if (name === '--help' || name === '-h' || (name === 'help' && rest.length === 0)) {
    console.log(HELP);
    return 0;
  }
  if (name === 'help') return main([rest[0]!, '--help']);
  const command = COMMANDS[name];
  if (!command) {
    console.error(`lambda-eic: unknown command '${name}' (commands: ${Object.keys(COMMANDS).join(', ')}; see lambda-eic --help)`);
    return 2;
  }
  watchParentWhenLaunchedByNpm();
  try {
    const code = await command.run(rest);
    return heldSignalExit() ?? code;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`lambda-eic ${name}: ${error.message}`);
      return 2;
    }
    throw error;
  }
}
