import { afterEach, describe, expect, it, vi } from 'vitest';
import { requiredEngines, skipUnlessAvailable } from './engine-skip.js';

describe('suites that need an engine', () => {
  afterEach(() => vi.restoreAllMocks());

  it('run when the engine is there, and print nothing', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(
      skipUnlessAvailable('server mode', 'clickhouse', undefined, { REQUIRE_ENGINES: 'clickhouse' }),
    ).toBeUndefined();
    expect(warn).not.toHaveBeenCalled();
  });

  it('skip loudly, saying which suite and why, when the engine is missing and not required', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(
      skipUnlessAvailable('server mode', 'clickhouse', 'clickhouse-server not found', { REQUIRE_ENGINES: 'chromium' }),
    ).toBe('clickhouse-server not found');
    expect(warn).toHaveBeenCalledWith('[server mode] SKIPPED: clickhouse-server not found');
  });

  it('fail instead of skipping when REQUIRE_ENGINES names the engine (as CI sets it)', () => {
    expect(() =>
      skipUnlessAvailable('the dashboard in Chromium', 'chromium', '/usr/bin/chromium not found', {
        REQUIRE_ENGINES: 'clickhouse, chromium',
      }),
    ).toThrow(
      'the dashboard in Chromium: REQUIRE_ENGINES names chromium, so this suite must run here, but /usr/bin/chromium not found',
    );
  });

  it('refuse a REQUIRE_ENGINES naming no engine: a typo must not turn the requirement off', () => {
    expect(() => requiredEngines({ REQUIRE_ENGINES: 'clickhous' })).toThrow(
      /clickhous is no engine; engines: clickhouse, chromium, eventstoredb/,
    );
    expect([...requiredEngines({})]).toEqual([]);
  });
});
