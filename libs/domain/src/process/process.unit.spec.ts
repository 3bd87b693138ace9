import { describe, expect, it } from 'vitest';
import { applyChecked } from '../testing/apply-checked.js';
import { foldEvents } from '../shared/decider.js';
import { IllegalStateError, ValidationError } from '../shared/errors.js';
import { commandOf } from '../testing/command-fixture.js';
import { deciderSpecification } from '../testing/decider-specification.js';
import type { ProcessStandardCommand } from './process.commands.js';
import { processStandardDecider } from './process.decider.js';
import type { ProcessStandardEvent } from './process.events.js';

const spec = deciderSpecification(processStandardDecider);
const cmd = commandOf<ProcessStandardCommand, ProcessStandardCommand['type']>;

const checklist = ['bid/no-bid scored', 'legal review before submission'];
const published = (version: number): ProcessStandardEvent => ({
  type: 'ProcessStandardPublished',
  data: { area: 'bid', version, checklist },
});
const publish = cmd('PublishProcessStandard', { area: 'bid', checklist });

describe('PublishProcessStandard', () => {
  it('publishes version 1, then 2, …', () => {
    spec
      .given([])
      .when(publish)
      .then([published(1)]);
    spec
      .given([published(1)])
      .when(publish)
      .then([published(2)]);
    expect(foldEvents(processStandardDecider, [published(1), published(2)])).toMatchObject({
      status: 'published',
      version: 2,
      checklist,
    });
  });

  it('knows the ten maturity areas only', () => {
    spec
      .given([])
      .when(cmd('PublishProcessStandard', { area: 'sales' as 'bid', checklist }))
      .thenThrows(ValidationError, /area = "sales": Invalid option/);
  });

  it('needs a non-empty checklist without repeats', () => {
    spec
      .given([])
      .when(cmd('PublishProcessStandard', { area: 'bid', checklist: [] }))
      .thenThrows(ValidationError, 'PublishProcessStandard: checklist = []: must list at least one');
    spec
      .given([])
      .when(cmd('PublishProcessStandard', { area: 'bid', checklist: ['a', 'a'] }))
      .thenThrows(ValidationError, /checklist.1 = "a": must not repeat "a"/);
  });

  it('on import, the version must be the next one and the area the stream one', () => {
    expect(() =>
      applyChecked(processStandardDecider, foldEvents(processStandardDecider, [published(1)]), published(3), 'bid'),
    ).toThrow('process standard bid: ProcessStandardPublished version 3, but the next version is 2');
    expect(() =>
      applyChecked(processStandardDecider, processStandardDecider.initialState, published(1), 'quotation'),
    ).toThrow(IllegalStateError);
    expect(() =>
      applyChecked(processStandardDecider, processStandardDecider.initialState, published(1), 'quotation'),
    ).toThrow("process standard quotation: ProcessStandardPublished names area bid, not this stream's area");
  });
});
