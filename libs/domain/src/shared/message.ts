/**
 * Messages are plain, readonly data. An event or command is a type alias over a generic,
 * so every aggregate's union stays a closed, exhaustively switchable set.
 */
export type Event<Type extends string, Data extends object> = Readonly<{
  type: Type;
  data: DeepReadonly<Data>;
}>;

export type Command<Type extends string, Data extends object> = Readonly<{
  type: Type;
  data: DeepReadonly<Data>;
  metadata: CommandMetadata;
}>;

/** Messages are facts: nothing in them, down to list items, can be changed after the fact. */
export type DeepReadonly<T> = T extends readonly (infer Item)[]
  ? readonly DeepReadonly<Item>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/**
 * Who can act. `presales` is the consultants' and engineers' role; `consultant` is its former
 * name, still read in events recorded before sign-in existed and never given to a new account.
 */
export const ACTOR_ROLES = [
  'presales',
  'consultant',
  'sales',
  'manager',
  'analyst',
  'auditor',
  'admin',
  'system',
] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

export interface Actor {
  readonly id: string;
  readonly role: ActorRole;
}

/**
 * Time and actor come with the command, never from a clock inside the domain
 * (DESIGN.md decision 6): deciders stay pure and replayable.
 */
export interface CommandMetadata {
  /** Business time of the fact, ISO-8601 UTC; becomes the event's occurredAt. */
  readonly occurredAt: string;
  readonly actor: Actor;
  readonly correlationId?: string;
}

/** Exhaustiveness guard for `switch` over a closed union. */
export function assertNever(value: never, what: string): never {
  throw new Error(`unhandled ${what}: ${JSON.stringify(value)}`);
}
