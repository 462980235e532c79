/** The CLI command model: help rendered from the declarations, values checked before a command runs. */
import { describe, expect, it, vi } from 'vitest';
import { defineCommand, integer, oneOf, parseCommand, renderHelp, runSpec } from '../../runners/commands/model.js';
import { UsageError } from '../../runners/commands/usage.js';
import { main } from '../../runners/cli.js';

const spec = defineCommand({
  name: 'demo',
  description: 'Does a demo.',
  options: {
    port: { type: 'string', value: 'N', description: 'the port', default: '0', check: integer(0, 65535) },
    mode: { type: 'string', value: 'M', description: 'fast or slow', group: 'Behaviour', check: oneOf(['fast', 'slow']) },
    tag: { type: 'string', value: 'T', multiple: true, description: 'a tag (repeatable)', group: 'Behaviour' },
    dry: { type: 'boolean', description: 'change nothing' },
  },
  notes: 'Exit codes: 0.',
  run: async (values) => (values.dry ? 0 : Number(values.port ?? 0)),
});

describe('the command model', () => {
  it('renders help from the declarations: usage, description, groups, defaults, notes', () => {
    expect(renderHelp(spec)).toBe(
      [
        'Usage: lambda-eic demo [options]',
        '',
        'Does a demo.',
        '',
        'Options:',
        '  --port N                the port (default 0)',
        '  --dry                   change nothing',
        "  --help                  print this help (also 'lambda-eic help <command>')",
        '',
        'Behaviour:',
        '  --mode M                fast or slow',
        '  --tag T                 a tag (repeatable)',
        '',
        'Exit codes: 0.',
      ].join('\n'),
    );
  });

  it('parses values, lists for repeatable options, and runs', async () => {
    expect(parseCommand(spec, ['--port', '80', '--tag', 'a', '--tag', 'b'])?.values).toEqual({ port: '80', tag: ['a', 'b'] });
    expect(await runSpec(spec, ['--port', '7'])).toBe(7);
  });

  it('refuses a bad value, an unknown option and a missing value with one line naming the option', () => {
    expect(() => parseCommand(spec, ['--port', '70000'])).toThrow(new UsageError("--port must be a whole number from 0 to 65535, not '70000'"));
    expect(() => parseCommand(spec, ['--mode', 'medium'])).toThrow(new UsageError("--mode must be one of fast, slow, not 'medium'"));
    expect(() => parseCommand(spec, ['--colour'])).toThrow(/Unknown option '--colour' \(see --help\)/);
    expect(() => parseCommand(spec, ['--port'])).toThrow(/--port.*\(see --help\)/);
  });

  it("prints the help for --help and for 'lambda-eic help <command>'", async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      expect(await runSpec(spec, ['--help'])).toBe(0);
      expect(log).toHaveBeenLastCalledWith(renderHelp(spec));
      expect(await main(['help', 'run'])).toBe(0);
      expect(String(log.mock.lastCall?.[0])).toMatch(/^Usage: lambda-eic run \[options\]\n/);
      expect(String(log.mock.lastCall?.[0])).toContain('--endpoint-url URL');
    } finally {
      log.mockRestore();
    }
  });
});

describe('the report-reading commands (baseline, findings) on the command model', () => {
  it('render their help from the declarations, --target-name declared once', async () => {
    const { BASELINE } = await import('../../runners/commands/baseline.js');
    const { FINDINGS } = await import('../../runners/commands/findings.js');
    const { REPORT_INPUT_OPTIONS } = await import('../../runners/commands/report-input.js');
    expect(renderHelp(FINDINGS)).toMatch(/^Usage: lambda-eic findings \[options\] REPORT\.json/);
    expect(renderHelp(FINDINGS)).toContain('--target-name NAME');
    expect(renderHelp(BASELINE)).toMatch(/--target-name NAME[\s\S]*--whole-scenarios/);
    expect(Object.keys(FINDINGS.options)).toEqual(Object.keys(REPORT_INPUT_OPTIONS));
    expect(Object.keys(BASELINE.options)).toEqual([...Object.keys(REPORT_INPUT_OPTIONS), 'whole-scenarios']);
  });

  it.each(['baseline', 'findings'])('%s refuses bad input with one usage line', async (command) => {
    const { findingsCommand } = await import('../../runners/commands/findings.js');
    const { baselineCommand } = await import('../../runners/commands/baseline.js');
    const run = command === 'baseline' ? baselineCommand : findingsCommand;
    await expect(run([])).rejects.toThrow(new UsageError(`give the JSON report to read: lambda-eic ${command} <report.json> --target-name NAME`));
    await expect(run(['a.json'])).rejects.toThrow(new UsageError('--target-name NAME is required (e.g. --target-name "moto 5.2.5")'));
    await expect(run(['a.json', 'b.json', '--target-name', 't'])).rejects.toThrow(new UsageError('one report at a time, not 2 (see --help)'));
    await expect(run(['/nonexistent.json', '--target-name', 't'])).rejects.toThrow(/^cannot read the report \/nonexistent\.json: ENOENT/);
    await expect(run(['package.json', '--target-name', 't'])).rejects.toThrow(/package\.json is not a lambda-eic report/);
    await expect(run(['x.json', '--colour'])).rejects.toThrow(/Unknown option '--colour'.*\(see --help\)/);
  });
});
