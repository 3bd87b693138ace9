import { createHash } from 'node:crypto';
import {
  aggregateFor,
  EVENT_SCHEMAS,
  streamName,
  type Actor,
  type DomainEventType,
  type StreamCategory,
} from '@presales/domain';
import { iso } from './calendar.js';
import type { DemoEvent } from './demo-event.js';
import { Prng } from './prng.js';
import { Scheduler } from './scheduler.js';

/** A command as the simulation writes it: the aggregate's command type and payload; time and actor come with `issue`. */
export interface DemoCommand {
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/**
 * The simulation's shared machinery: the seeded PRNG, the agenda, the state of every live
 * aggregate, and the output. Every event comes from `issue`, which runs the aggregate's decider
 * on the command and the stream's state: an event that would break an invariant makes the
 * decider throw, so the demo cannot produce history the platform would refuse.
 */
export class World {
  readonly prng: Prng;
  readonly agenda = new Scheduler();
  private readonly states = new Map<string, unknown>();
  private readonly output: DemoEvent[] = [];
  private sequence = 0;
  private readonly counters = new Map<string, number>();
  /** Business time of the step being run: events never come out earlier than their predecessors. */
  private now: number;

  constructor(
    readonly seed: number,
    readonly start: number,
    readonly end: number,
  ) {
    this.prng = new Prng(seed);
    this.now = start;
  }

  /** Run the steps in time order until the agenda is empty; `each` receives the events of every step. */
  *run(): Generator<DemoEvent[]> {
    for (let task = this.agenda.next(); task !== undefined; task = this.agenda.next()) {
      this.now = task.at;
      task.run();
      if (this.output.length > 0) yield this.drain();
    }
  }

  /**
   * Decide `command` on the stream `<category>-<id>` at business time `at`, as `actor`. A command
   * for later than the current step waits on the agenda until then, so the output stays in time
   * order (what lets the loader stamp recordedAt from occurredAt) and commands on one stream are
   * decided in the order of their times.
   */
  issue(category: StreamCategory, id: string, command: DemoCommand, at: number, actor: Actor): void {
    if (at > this.now) {
      this.at(at, () => this.issue(category, id, command, at, actor));
      return;
    }
    const aggregate = aggregateFor(category);
    const stream = streamName(category, id);
    let state = this.states.has(stream) ? this.states.get(stream) : aggregate.decider.initialState;
    const occurredAt = iso(at);
    const events = aggregate.decider.decide({ ...command, metadata: { occurredAt, actor } } as never, state);
    for (const event of events) {
      state = aggregate.decider.evolve(state, event as never);
      this.output.push({
        id: this.nextEventId(),
        stream,
        type: event.type,
        data: event.data as Record<string, unknown>,
        metadata: {
          occurredAt,
          actor,
          schemaVersion: EVENT_SCHEMAS[event.type as DomainEventType].schemaVersion,
          demo: true,
        },
      });
    }
    this.states.set(stream, state);
  }

  /**
   * The stream takes no more commands after `at` (default: now): drop its state then, after any
   * command already waiting for that time (constant memory over a long history).
   */
  retire(category: StreamCategory, id: string, at = this.now): void {
    if (at > this.now) {
      this.at(at, () => this.retire(category, id, at));
      return;
    }
    this.states.delete(streamName(category, id));
  }

  /** Schedule a step; steps after the end of the history are dropped. */
  at(time: number, run: () => void): void {
    if (time <= this.end) this.agenda.at(time, run);
  }

  private drain(): DemoEvent[] {
    return this.output.splice(0, this.output.length);
  }

  /** `opp-000042`: per-kind counters, so ids read well and depend only on the order of creation. */
  newId(prefix: string): string {
    const next = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, next);
    return `${prefix}-${String(next).padStart(6, '0')}`;
  }

  get liveStreams(): number {
    return this.states.size;
  }

  /** A UUID-shaped id from the seed and the event's sequence number: stable for a seed, distinct across seeds. */
  private nextEventId(): string {
    const digest = createHash('sha256').update(`presales-demo:${this.seed}:${this.sequence++}`).digest('hex');
    return `${digest.slice(0, 8)}-${digest.slice(8, 12)}-8${digest.slice(13, 16)}-a${digest.slice(17, 20)}-${digest.slice(20, 32)}`;
  }
}
