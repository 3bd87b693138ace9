import { afterAll, describe, expect, it } from 'vitest';
import { runUntilExit, tempDataDir } from './platform-process.js';

describe('a bad configuration value stops start-up with a message naming the variable', () => {
  const data = tempDataDir();
  afterAll(() => data.remove());
  const start = ['start', '--port', '0', '--data-dir', data.dir];

  it.each([
    [{ PORT: 'x' }, /configuration error: PORT="x": must be an integer/],
    [{ CLICKHOUSE_URL: 'ftp://example' }, /configuration error: CLICKHOUSE_URL="ftp:\/\/example": must use http: or https:/],
    [{ EVENTSTORE_URL: 'localhost:2113' }, /configuration error: EVENTSTORE_URL="localhost:2113"/],
    [{ EVENTSTORE_URL: 'esdb://localhost:2113?tls=false' }, /configuration error: EVENTSTORE_URL=.*no EventStoreDB adapter yet/],
    [{ EVENTSTORE_DURABILITY: 'sometimes' }, /configuration error: EVENTSTORE_DURABILITY="sometimes"/],
  ])('%j', async (env, message) => {
    // --port on the command line would override PORT; leave it out for the PORT case.
    const args = 'PORT' in env ? ['start', '--data-dir', data.dir] : start;
    const { code, output } = await runUntilExit(args, env);
    expect(code).toBe(2);
    expect(output).toMatch(message);
  });

  it('refuses an unknown command or option with the usage', async () => {
    expect(await runUntilExit(['stat'])).toMatchObject({ code: 2, output: expect.stringMatching(/unknown command "stat"[\s\S]*usage: presales/) });
    expect(await runUntilExit(['start', '--colour', 'red'])).toMatchObject({ code: 2, output: expect.stringMatching(/unknown option --colour/) });
  });
});
