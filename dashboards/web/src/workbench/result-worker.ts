/// <reference lib="webworker" />
import type { SqlRowsResponse } from '@presales/contracts';
import { sortedIndexes } from './result-order';
import type { ResultReply, ResultRequest } from './result-protocol';

/**
 * Holds one SQL answer off the page's main thread (decision 0044): parsing a 100,000-row answer
 * and sorting it take hundreds of milliseconds, which on the main thread would freeze the page.
 * The page only ever receives the few rows it draws.
 */
let answer: SqlRowsResponse | null = null;
let order: number[] = [];

function handle(request: ResultRequest): ResultReply {
  const { id } = request;
  if (request.kind === 'load') {
    answer = JSON.parse(new TextDecoder().decode(request.bytes)) as SqlRowsResponse;
    order = answer.rows.map((_row, i) => i);
    const { columns, rowCount, rowsRead, elapsedMs } = answer;
    return { id, kind: 'loaded', summary: { columns, rowCount, rowsRead, elapsedMs } };
  }
  if (answer === null) return { id, kind: 'failed', message: 'no answer loaded' };
  const { rows, columns } = answer;
  switch (request.kind) {
    case 'sort': {
      const column = request.sort === null ? -1 : columns.findIndex((c) => c.name === request.sort!.column);
      order = sortedIndexes(rows, column < 0 ? null : { column, direction: request.sort!.direction });
      return { id, kind: 'sorted' };
    }
    case 'window':
      return { id, kind: 'window', rows: order.slice(request.from, request.to).map((index) => rows[index]!) };
    case 'records': {
      const names = columns.map((column) => column.name);
      const records = rows
        .slice(0, request.limit)
        .map((row) => Object.fromEntries(names.map((name, i) => [name, row[i] ?? null])));
      return { id, kind: 'records', rows: records };
    }
    default: {
      const unknown: never = request;
      return unknown;
    }
  }
}

self.onmessage = (event: MessageEvent<ResultRequest>) => {
  let reply: ResultReply;
  try {
    reply = handle(event.data);
  } catch (error) {
    reply = { id: event.data.id, kind: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(reply);
};
