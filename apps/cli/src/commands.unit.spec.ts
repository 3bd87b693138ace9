import { describe, expect, it } from 'vitest';
import { helpText, parseArgs } from './commands.js';

describe('parseArgs', () => {
  it('parses a command with --name value and --name=value options', () => {
    expect(parseArgs(['start', '--port', '4000', '--data-dir=/tmp/x'])).toEqual({ command: 'start', options: { port: '4000', 'data-dir': '/tmp/x' } });
  });
  it('defaults to help', () => {
    expect(parseArgs([])).toEqual({ command: 'help', options: {} });
    expect(parseArgs(['--help'])).toEqual({ command: 'help', options: {} });
  });
  it('explains unknown commands, stray arguments and missing values', () => {
    expect(parseArgs(['stat'])).toEqual({ error: 'unknown command "stat"; try: start, help' });
    expect(parseArgs(['start', 'now'])).toEqual({ error: 'unexpected argument "now"' });
    expect(parseArgs(['start', '--port'])).toEqual({ error: 'option --port needs a value' });
  });
  it('lists every command in the help', () => {
    expect(helpText()).toMatch(/start +start the platform/);
  });
});
