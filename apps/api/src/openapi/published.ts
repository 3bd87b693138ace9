import { Reflector } from '@nestjs/core';
import type { z } from 'zod';

/**
 * What a route takes and answers, as the published contract (/api/openapi.json) states it: the
 * zod schemas the route itself validates with and the contract's schema of its answer, never a
 * second description of them. Routes without one are published with their roles only.
 */
export interface PublishedContract {
  /** The operation's id when it is a name clients know (a command's name); else Controller_handler. */
  readonly operationId?: string;
  readonly summary?: string;
  /** Path parameters, by name. */
  readonly params?: z.ZodObject;
  /** Query-string parameters, by name. */
  readonly query?: z.ZodObject;
  /** The JSON body. */
  readonly body?: z.ZodType;
  /** The JSON answer on success. */
  readonly response?: z.ZodType;
  /** The answer's media type when it is not JSON (a CSV, an HTML page, a script). */
  readonly produces?: string;
  /** Refusals beyond 400, 401 and 403, by status: what makes the route answer them. */
  readonly refusals?: Readonly<Record<string, string>>;
}

export const PUBLISHED = Reflector.createDecorator<PublishedContract>();

/** Publish a route's request and answer schemas in /api/openapi.json. */
export const Published = (contract: PublishedContract) => PUBLISHED(contract);
