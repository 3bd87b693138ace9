import { Controller, Get, Inject, NotFoundException, Param, Res, type Type } from '@nestjs/common';
import type { AggregateStateResponse } from '@presales/contracts';
import * as answers from '@presales/contracts/answers';
import { aggregateFor, EntityId, streamName, validate, type StreamCategory } from '@presales/domain';
import type { EventStore } from '@presales/event-store';
import type { Response } from 'express';
import { SignedIn } from '../auth/access/access-rule.js';
import { loadAggregate } from '../infrastructure/aggregate-repository.js';
import { EVENT_STORE } from '../infrastructure/tokens.js';
import { ID_FIELD } from './aggregate-ids.js';
import { etagOf } from './if-match.js';
import { jsonState } from './json-state.js';
import { Published } from '../openapi/published.js';
import { z } from 'zod';

/** The aggregates a form edits, by resource; kpis are read through /api/kpis. */
const READABLE: readonly (readonly [StreamCategory, string])[] = [
  ['opportunity', 'opportunities'],
  ['tender', 'tenders'],
  ['quote', 'quotes'],
  ['activity', 'activities'],
  ['consultant', 'consultants'],
  ['team', 'teams'],
  ['warroom', 'war-rooms'],
  ['asset', 'assets'],
  ['gap', 'product-gaps'],
  ['process', 'process-standards'],
  ['action', 'corrective-actions'],
];

/** Current state of one aggregate, with its revision as ETag so a form can send it back as If-Match. */
@Controller()
export class AggregateStateController {
  constructor(@Inject(EVENT_STORE) readonly eventStore: EventStore) {}
}

function addReader(controller: Type, category: StreamCategory, resource: string): void {
  const prototype = controller.prototype as Record<string, unknown>;
  const name = `get_${category}`;
  prototype[name] = async function (
    this: AggregateStateController,
    id: string,
    response: Response,
  ): Promise<AggregateStateResponse> {
    const streamId = streamName(category, validate(EntityId, id, `GET /api/${resource}/:${ID_FIELD[category]}`));
    const loaded = await loadAggregate(this.eventStore, streamId, aggregateFor(category).decider as never);
    if (loaded.expectedRevision === 'no_stream') throw new NotFoundException(`no ${category} ${id}`);
    const revision = loaded.expectedRevision as bigint;
    response.setHeader('ETag', etagOf(revision));
    return { streamId, revision: revision.toString(), state: jsonState(loaded.state) };
  };
  const descriptor = Object.getOwnPropertyDescriptor(prototype, name)!;
  Get(`/api/${resource}/:${ID_FIELD[category]}`)(prototype, name, descriptor);
  SignedIn()(prototype, name, descriptor);
  Published({
    summary: `the current state of a ${category}, its revision as ETag`,
    params: z.object({ [ID_FIELD[category]]: EntityId }),
    response: answers.AggregateStateResponse,
  })(prototype, name, descriptor);
  Param(ID_FIELD[category])(prototype, name, 0);
  Res({ passthrough: true })(prototype, name, 1);
}

for (const [category, resource] of READABLE) addReader(AggregateStateController, category, resource);
