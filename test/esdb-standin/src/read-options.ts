import type { streamsPb } from './generated.js';
import type { Direction, LogFilter } from './reads.js';

/** TEST STAND-IN, not a product store: what a Read request asks for, in the stand-in's terms. */
type Options = InstanceType<typeof streamsPb.ReadReq.Options>;

export function directionOf(options: Options): Direction {
  return options.getReadDirection() === 1 ? 'backwards' : 'forwards';
}

export function countOf(options: Options): bigint {
  return options.hasCount() ? BigInt(options.getCount()) : BigInt(Number.MAX_SAFE_INTEGER);
}

export function allFromOf(options: Options): bigint | 'start' | 'end' {
  const all = options.getAll()!;
  if (all.hasStart()) return 'start';
  if (all.hasEnd()) return 'end';
  return BigInt(all.getPosition()!.getCommitPosition());
}

export function streamFromOf(options: Options): bigint | 'start' | 'end' {
  const stream = options.getStream()!;
  if (stream.hasStart()) return 'start';
  if (stream.hasEnd()) return 'end';
  return BigInt(stream.getRevision());
}

/** FilterOptions: on stream names or event types, by prefixes or a regular expression. */
export function filterOf(options: Options): LogFilter | undefined {
  if (!options.hasFilter()) return undefined;
  const filter = options.getFilter()!;
  const on = filter.hasStreamIdentifier() ? 'stream' : 'type';
  const expression = filter.hasStreamIdentifier() ? filter.getStreamIdentifier()! : filter.getEventType()!;
  return { on, prefixes: expression.getPrefixList(), regex: expression.getRegex() };
}
