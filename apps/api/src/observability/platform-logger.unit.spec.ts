import { describe, expect, it } from 'vitest';
import { createPlatformLogger, logLevelOf } from './platform-logger.js';

/** A logger writing into an array of parsed lines. */
function capturedLogger(level: Parameters<typeof createPlatformLogger>[0]) {
  const lines: Record<string, unknown>[] = [];
  const logger = createPlatformLogger(level, {
    write: (text: string) => lines.push(JSON.parse(text) as Record<string, unknown>),
  });
  return { logger, lines };
}

describe('logLevelOf', () => {
  it("defaults to info and takes any of pino's levels, in any case", () => {
    expect(logLevelOf({})).toBe('info');
    expect(logLevelOf({ LOG_LEVEL: ' ' })).toBe('info');
    expect(logLevelOf({ LOG_LEVEL: 'warn' })).toBe('warn');
    expect(logLevelOf({ LOG_LEVEL: 'DEBUG' })).toBe('debug');
    expect(logLevelOf({ LOG_LEVEL: 'silent' })).toBe('silent');
  });

  it('stops start-up naming the variable and the levels for anything else', () => {
    expect(() => logLevelOf({ LOG_LEVEL: 'verbose' })).toThrow(
      'LOG_LEVEL="verbose": must be one of fatal, error, warn, info, debug, trace, silent',
    );
  });
});

describe('createPlatformLogger', () => {
  it('writes one JSON object per line with the level by name and an ISO time', () => {
    const { logger, lines } = capturedLogger('info');
    logger.info({ route: '/api/health' }, 'GET /api/health 200');
    logger.debug('not at info');
    expect(lines).toEqual([
      {
        level: 'info',
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        pid: process.pid,
        hostname: expect.any(String),
        route: '/api/health',
        msg: 'GET /api/health 200',
      },
    ]);
  });

  it('censors headers that carry a session or a token, and fields named like a secret, in whatever is logged', () => {
    const { logger, lines } = capturedLogger('info');
    logger.warn({
      req: {
        method: 'GET',
        headers: {
          authorization: 'Bearer psl_secret-token',
          cookie: 'presales_session=secret-session',
          'x-csrf-token': 'secret-csrf',
          accept: 'text/html',
        },
      },
      res: { headers: { 'set-cookie': 'presales_session=secret-new-session' } },
      body: { username: 'lena', password: 'secret-password' },
      created: { token: 'psl_secret-created' },
      password: 'secret-top-level',
    });
    const text = JSON.stringify(lines);
    expect(text).not.toMatch(/secret/);
    expect(lines[0]).toMatchObject({
      req: {
        method: 'GET',
        headers: {
          authorization: '[redacted]',
          cookie: '[redacted]',
          'x-csrf-token': '[redacted]',
          accept: 'text/html',
        },
      },
      body: { username: 'lena', password: '[redacted]' },
    });
  });
});
