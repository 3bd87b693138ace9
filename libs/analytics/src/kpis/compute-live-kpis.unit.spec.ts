import { KPI_CATALOG, parsePeriod } from '@presales/kpi';
import { describe, expect, it } from 'vitest';
import type { AnalyticsStore } from '../analytics-store.port.js';
import { TEST_FX } from '../testing/kpi.contract.js';
import { computeLiveKpis } from './compute-kpi.js';

/** A store that answers the latest recorded second from a script, and every KPI with one unit. */
function storeRecording(seconds: number[]) {
  const sent: string[] = [];
  const store = {
    capabilities: { concurrentQueries: 1 },
    query: async (sql: string) => {
      sent.push(sql);
      if (sql.includes('max(recorded_at)')) return [{ seconds: seconds.shift() }];
      return [{ slot: 0, value: 1, units: 1 }];
    },
  } as unknown as AnalyticsStore;
  return { store, sent };
}

const query = {
  definition: KPI_CATALOG.find((d) => d.id === 'hit_rate')!,
  period: parsePeriod('2027-02'),
  scope: { kind: 'org' as const },
  asOf: new Date(0),
  fx: TEST_FX,
};
const asked = new Date('2027-04-01T00:00:00.000Z');
const completed = new Date('2027-04-01T00:00:00.300Z');
const second = (iso: string) => Date.parse(iso) / 1000;

describe('computeLiveKpis', () => {
  it('reads whole tables and answers as of completion when nothing was recorded after the request', async () => {
    const { store, sent } = storeRecording([second('2027-03-31T23:59:59Z'), second('2027-04-01T00:00:00Z')]);
    const live = await computeLiveKpis(store, [query], asked, () => completed);
    expect(live.asOf).toEqual(completed);
    expect(sent[1]).not.toContain('PREWHERE');
  });

  it('filters as of the request, and answers as of it, when something was recorded after it', async () => {
    const { store, sent } = storeRecording([second('2027-04-01T00:00:05Z')]);
    const live = await computeLiveKpis(store, [query], asked, () => completed);
    expect(live.asOf).toEqual(asked);
    expect(sent[1]).toContain(`PREWHERE recorded_at_ms <= ${asked.getTime()}`);
    expect(sent).toHaveLength(2);
  });

  it('answers as of the end of a later second an event projected meanwhile was recorded in (a clock ahead)', async () => {
    const { store } = storeRecording([second('2027-03-31T23:59:59Z'), second('2027-04-01T00:00:07Z')]);
    const live = await computeLiveKpis(store, [query], asked, () => completed);
    expect(live.asOf).toEqual(new Date('2027-04-01T00:00:07.999Z'));
  });
});
