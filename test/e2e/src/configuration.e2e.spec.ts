import { afterAll, describe, expect, it } from 'vitest';
import { runUntilExit, tempDataDir } from './platform-process.js';

describe('a bad configuration value stops start-up with a message naming the variable', () => {
  const data = tempDataDir();
  afterAll(() => data.remove());
  const start = ['start', '--port', '0', '--data-dir', data.dir];

  it.each([
    [{ PORT: 'x' }, /configuration error: PORT="x": must be an integer/],
    [
      { CLICKHOUSE_URL: 'ftp://example' },
      /configuration error: CLICKHOUSE_URL="ftp:\/\/example": must use http: or https:/,
    ],
    [{ EVENTSTORE_URL: 'localhost:2113' }, /configuration error: EVENTSTORE_URL="localhost:2113"/],
    [{ EVENTSTORE_DURABILITY: 'sometimes' }, /configuration error: EVENTSTORE_DURABILITY="sometimes"/],
    [
      { LOG_LEVEL: 'verbose' },
      /configuration error: LOG_LEVEL="verbose": must be one of fatal, error, warn, info, debug, trace, silent/,
    ],
  ])('%j', async (env, message) => {
    // --port on the command line would override PORT; leave it out for the PORT case.
    const args = 'PORT' in env ? ['start', '--data-dir', data.dir] : start;
    const { code, output } = await runUntilExit(args, env);
    expect(code).toBe(2);
    expect(output).toMatch(message);
  });

  it('stops within seconds when EVENTSTORE_URL names an EventStoreDB that does not answer', async () => {
    const started = Date.now();
    const { code, output } = await runUntilExit(start, { EVENTSTORE_URL: 'esdb://127.0.0.1:1?tls=false' });
    expect(code).toBe(2);
    expect(output).toMatch(
      /configuration error: EVENTSTORE_URL="esdb:\/\/127\.0\.0\.1:1\?tls=false": .*unset EVENTSTORE_URL for the embedded SQLite store/,
    );
    // The adapter's connect deadline is 5 s; a refused connection fails at once. Never a hang.
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('refuses an unknown command or option with the usage', async () => {
    expect(await runUntilExit(['stat'])).toMatchObject({
      code: 2,
      output: expect.stringMatching(/unknown command "stat"[\s\S]*usage: presales/),
    });
    expect(await runUntilExit(['start', '--colour', 'red'])).toMatchObject({
      code: 2,
      output: expect.stringMatching(/unknown option --colour/),
    });
  });
});
