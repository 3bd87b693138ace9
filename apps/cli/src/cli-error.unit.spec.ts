import { CsvSyntaxError } from '@presales/interchange';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CliError, reportFailure } from './cli-error.js';
import { runSql } from './sql.js';

describe('one CLI error type', () => {
  afterEach(() => vi.restoreAllMocks());

  it('reports a CliError or an input error as one line and exit code 2', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(reportFailure('import', new CliError('give one file'))).toBe(2);
    expect(reportFailure('import', new CsvSyntaxError('sheet.csv: not well-formed CSV'))).toBe(2);
    expect(errors.mock.calls.map((call) => call[0])).toEqual([
      'presales import: give one file',
      'presales import: sheet.csv: not well-formed CSV',
    ]);
  });

  it('rethrows anything else: a bug is not a usage error', () => {
    expect(() => reportFailure('import', new TypeError('x is undefined'))).toThrow(TypeError);
  });

  it('is what a command refuses with: presales sql without a statement, and with the platform unreachable', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await runSql([], {})).toBe(2);
    expect(await runSql(['SELECT 1'], { url: 'http://127.0.0.1:1' })).toBe(2);
    expect(errors.mock.calls.map((call) => String(call[0]))).toEqual([
      expect.stringMatching(/^presales sql: give the statement/),
      expect.stringMatching(/^presales sql: cannot reach the platform at http:\/\/127\.0\.0\.1:1/),
    ]);
  });
});
