/**
 * What the engine said about a failed statement: its error code and type when it answered at all.
 * Modern ClickHouse servers answer `Code: 60. DB::Exception: … (UNKNOWN_TABLE)` and
 * @clickhouse/client moves the code and type out of the message into fields; ClickHouse 18.16
 * (`Code: 60, e.displayText() = DB::Exception: …`) and chDB leave them in the text. Both come out
 * the same here, so callers decide by code, never by wording.
 */
export interface EngineErrorDetails {
  /** The ClickHouse error code; undefined when no engine answered (connection refused, a timeout on the wire). */
  readonly code: number | undefined;
  /** `UNKNOWN_TABLE`, … when the engine names it (not 18.16). */
  readonly type: string | undefined;
}

const CODE_IN_TEXT = /\bCode: (\d+)/;
const TYPE_IN_TEXT = /\(([A-Z0-9_]*[A-Z]{3}[A-Z0-9_]*)\)/;

/** The details of anything an engine client threw: fields first (the ClickHouse client's), else the text. */
export function engineErrorDetails(error: unknown): EngineErrorDetails {
  const message = error instanceof Error ? error.message : String(error);
  const fields = typeof error === 'object' && error !== null ? (error as { code?: unknown; type?: unknown }) : {};
  const fieldCode =
    typeof fields.code === 'string' || typeof fields.code === 'number' ? Number(fields.code) : Number.NaN;
  const textCode = Number(CODE_IN_TEXT.exec(message)?.[1]);
  const code = Number.isInteger(fieldCode) ? fieldCode : Number.isInteger(textCode) ? textCode : undefined;
  const type =
    typeof fields.type === 'string' && fields.type !== ''
      ? fields.type
      : code === undefined
        ? undefined
        : TYPE_IN_TEXT.exec(message)?.[1];
  return { code, type };
}

/**
 * Codes a statement's own text causes: its SQL names what is not there or does not type-check.
 * Any other failure (the engine unreachable, out of memory, too many queries) is the store's, not
 * the statement's: a KPI definition is not to blame for it, and retrying later may succeed.
 */
export const STATEMENT_ERROR_CODES: ReadonlySet<number> = new Set([
  1, // UNSUPPORTED_METHOD
  6, // CANNOT_PARSE_TEXT
  10, // NOT_FOUND_COLUMN_IN_BLOCK
  16, // NO_SUCH_COLUMN_IN_TABLE
  27, // CANNOT_PARSE_INPUT_ASSERTION_FAILED
  36, // BAD_ARGUMENTS
  38, // CANNOT_PARSE_DATE
  41, // CANNOT_PARSE_DATETIME
  42, // NUMBER_OF_ARGUMENTS_DOESNT_MATCH
  43, // ILLEGAL_TYPE_OF_ARGUMENT
  44, // ILLEGAL_COLUMN
  46, // UNKNOWN_FUNCTION
  47, // UNKNOWN_IDENTIFIER
  48, // NOT_IMPLEMENTED
  53, // TYPE_MISMATCH
  60, // UNKNOWN_TABLE
  62, // SYNTAX_ERROR
  69, // ARGUMENT_OUT_OF_BOUND
  70, // CANNOT_CONVERT_TYPE
  81, // UNKNOWN_DATABASE
  179, // MULTIPLE_EXPRESSIONS_FOR_ALIAS
  184, // ILLEGAL_AGGREGATION
  215, // NOT_AN_AGGREGATE
  352, // AMBIGUOUS_COLUMN_NAME
  386, // NO_COMMON_TYPE
]);

/**
 * Codes that say part of the store could not be reached: a shard of a cluster with no replica up,
 * ZooKeeper gone, a replica read-only without it. The answer would lack rows, or the write would
 * not land; later, or after the cluster heals, the same statement succeeds (decision 0028).
 */
export const UNAVAILABLE_ERROR_CODES: ReadonlySet<number> = new Set([
  159, // TIMEOUT_EXCEEDED (a distributed DDL or sync insert waiting for a node)
  209, // SOCKET_TIMEOUT
  210, // NETWORK_ERROR
  225, // NO_ZOOKEEPER
  242, // TABLE_IS_READ_ONLY (a replica without ZooKeeper)
  279, // ALL_CONNECTION_TRIES_FAILED (every replica of a shard down)
  999, // KEEPER_EXCEPTION
]);
