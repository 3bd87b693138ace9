import { IllegalStateError } from '../shared/errors.js';
import { assertNever } from '../shared/message.js';
import { notCreated } from '../shared/rules.js';
import { kpiDefinitionBreaches } from './kpi.definition.js';
import type { KpiEvent } from './kpi.events.js';
import { nextKpiVersion, type KpiState } from './kpi.state.js';

/**
 * `kpi-<kpiId>` holds one KPI: definitions numbered 1, 2, … and the targets set for it. A target
 * needs a definition, and a context KPI takes none.
 */
export function checkKpiEvent(state: KpiState, event: KpiEvent, kpiId: string): void {
  const subject = `KPI ${kpiId}`;
  const reject = (rule: string) => new IllegalStateError(subject, rule);
  switch (event.type) {
    case 'KpiDefinitionPublished': {
      if (event.data.kpiId !== kpiId)
        throw reject(`KpiDefinitionPublished names ${JSON.stringify(event.data.kpiId)}, not this stream's id`);
      const breaches = kpiDefinitionBreaches(event.data.definition);
      if (breaches.length > 0) throw reject(`the definition breaks its rules: ${breaches.join('; ')}`);
      const expected = nextKpiVersion(state);
      if (event.data.version !== expected)
        throw reject(`KpiDefinitionPublished version ${event.data.version}, but the next version is ${expected}`);
      return;
    }
    case 'KpiTargetSet':
      if (state.status === 'none') throw notCreated(subject, event.type, 'KpiDefinitionPublished');
      if (state.definition.direction === 'context') throw reject('KpiTargetSet for a context KPI: it has no target');
      return;
    default:
      assertNever(event, 'KPI event');
  }
}
