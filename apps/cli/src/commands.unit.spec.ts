import { describe, expect, it } from 'vitest';
import { COMMANDS, helpText, parseArgs } from './commands.js';

describe('parseArgs', () => {
  it('parses a command with --name value and --name=value options', () => {
    expect(parseArgs(['start', '--port', '4000', '--data-dir=/tmp/x'])).toEqual({
      command: 'start',
      positional: [],
      options: { port: '4000', 'data-dir': '/tmp/x' },
    });
    expect(parseArgs(['sql', 'SELECT 1', '--format', 'csv'])).toEqual({
      command: 'sql',
      positional: ['SELECT 1'],
      options: { format: 'csv' },
    });
  });
  it('defaults to help', () => {
    expect(parseArgs([])).toEqual({ command: 'help', positional: [], options: {} });
    expect(parseArgs(['--help'])).toEqual({ command: 'help', positional: [], options: {} });
  });
  it('explains unknown commands, stray arguments and missing values', () => {
    expect(parseArgs(['stat'])).toEqual({ error: `unknown command "stat"; try: ${Object.keys(COMMANDS).join(', ')}` });
    expect(parseArgs(['start', '--'])).toEqual({ error: 'unexpected argument "--"' });
    expect(parseArgs(['start', '--port'])).toEqual({ error: 'option --port needs a value' });
    expect(parseArgs(['kpi', '--perod', '2026-Q1'])).toEqual({
      error: 'kpi: unknown option --perod; it takes --period, --scope, --as-of, --project-type, --version, --url',
    });
    expect(parseArgs(['help', '--x', '1'])).toEqual({ error: 'help: unknown option --x' });
  });
  it('lists every command in the help', () => {
    expect(helpText()).toMatch(/start +start the platform/);
  });
});
