/** 201 from every command route (`POST /api/tenders/{tenderId}/submissions`, …). The ETag header is `"<revision>"`. */
export interface CommandAcceptedResponse {
  readonly command: string;
  readonly streamId: string;
  readonly eventIds: readonly string[];
  /** The stream's revision after the append: send it back as If-Match to edit what you recorded. */
  readonly revision: string;
  readonly position: string;
  /** Whether the events were in the analytics tables when the answer left. */
  readonly projected: boolean;
}

/** `GET /api/{resource}/{id}`: the aggregate's current state as its decider folds it; ETag `"<revision>"`. */
export interface AggregateStateResponse {
  readonly streamId: string;
  readonly revision: string;
  readonly state: unknown;
}
