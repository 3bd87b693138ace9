import type { Answer } from './answer-type.js';
import type * as answers from './answers/commands.js';

/** 201 from every command route (`POST /api/tenders/{tenderId}/submissions`, …). The ETag header is `"<revision>"`. */
export type CommandAcceptedResponse = Answer<typeof answers.CommandAcceptedResponse>;

/** `GET /api/{resource}/{id}`: the aggregate's current state as its decider folds it; ETag `"<revision>"`. */
export type AggregateStateResponse = Answer<typeof answers.AggregateStateResponse>;
