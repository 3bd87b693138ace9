import { describe, expect, it } from 'vitest';
import { logLevelOf } from './platform-logger.js';

describe('logLevelOf', () => {
  it('defaults to info and takes any of pino\'s levels, in any case', () => {
    expect(logLevelOf({})).toBe('info');
    expect(logLevelOf({ LOG_LEVEL: ' ' })).toBe('info');
    expect(logLevelOf({ LOG_LEVEL: 'warn' })).toBe('warn');
    expect(logLevelOf({ LOG_LEVEL: 'DEBUG' })).toBe('debug');
    expect(logLevelOf({ LOG_LEVEL: 'silent' })).toBe('silent');
  });

  it('stops start-up naming the variable and the levels for anything else', () => {
    expect(() => logLevelOf({ LOG_LEVEL: 'verbose' })).toThrow('LOG_LEVEL="verbose": must be one of fatal, error, warn, info, debug, trace, silent');
  });
});
