import { pino, type DestinationStream, type Level, type Logger } from 'pino';
import { ConfigError } from '@presales/platform-config';

const LEVELS: readonly string[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] satisfies readonly (
  Level | 'silent'
)[];

/**
 * Wherever a secret could sit in something logged: headers that carry a session or a token, and
 * any field named like a password or a token. The request line is built field by field and holds
 * none of them; this is the net under any other object that gets logged (decision 0035).
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  '*.password',
  '*.token',
  '*.csrfToken',
  '*.sessionKey',
  'password',
  'token',
];

/** `LOG_LEVEL`: fatal, error, warn, info (default), debug, trace or silent. */
export function logLevelOf(env: NodeJS.ProcessEnv): Level | 'silent' {
  const value = env['LOG_LEVEL']?.trim().toLowerCase() ?? '';
  if (value === '') return 'info';
  if (!LEVELS.includes(value))
    throw new ConfigError('LOG_LEVEL', env['LOG_LEVEL']!, `must be one of ${LEVELS.join(', ')}`);
  return value as Level | 'silent';
}

/**
 * The platform's logger: one JSON object per line on stdout (or `destination`), the level by name
 * and the time in ISO-8601, for a log shipper to read without a parser of its own.
 */
export function createPlatformLogger(
  level: Level | 'silent',
  destination: DestinationStream = pino.destination(1),
): Logger {
  return pino(
    {
      level,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    destination,
  );
}
