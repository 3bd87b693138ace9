import { Agent, request } from 'node:http';
import { percentile } from '../../measure.js';

export interface PacedLoadOptions {
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
  /** A fresh body for every request. */
  readonly body: () => string;
  /** Requests per second, sent at an even pace whatever the answers do. */
  readonly rate: number;
  readonly seconds: number;
  /** Sockets the sender may hold at once: a request due while all are busy waits for one, and that wait counts. */
  readonly connections: number;
  /** How long a socket may go silent before its request counts as refused (autocannon's default, 10 s). */
  readonly answerTimeoutMs?: number;
}

const ANSWER_TIMEOUT_MS = 10_000;

export interface PacedLoadResult {
  readonly p50: number;
  readonly p99: number;
  readonly perSecond: number;
  /** Answers that were not 2xx, and requests that failed outright. */
  readonly refused: number;
}

/**
 * An open-loop load: request i is due at start + i / rate, sent then whether or not earlier
 * requests have been answered, and its latency is measured from when it was due, so a sender
 * that falls behind (no free socket, a late timer) counts against the platform, not for it.
 * This is what "p99 at 200 commands/s" means. autocannon's rate option is not that (decision
 * 0049): each connection sends its share of a second back to back at the start of the second,
 * and it corrects for coordinated omission with an expected interval of 1 ms, recording a
 * 40 ms answer as forty answers of 40, 39, … 1 ms.
 */
export async function pacedLoad(options: PacedLoadOptions): Promise<PacedLoadResult> {
  const { url, headers, body, rate, seconds, connections, answerTimeoutMs = ANSWER_TIMEOUT_MS } = options;
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const total = Math.round(rate * seconds);
  const latencies: number[] = [];
  let refused = 0;
  const answers: Promise<void>[] = [];
  const start = performance.now();
  try {
    for (let index = 0; index < total; index += 1) {
      const due = start + (index * 1000) / rate;
      const early = due - performance.now();
      if (early > 0) await new Promise((wake) => setTimeout(wake, early));
      answers.push(
        send(agent, url, headers, body(), answerTimeoutMs).then(
          (status) => {
            if (status >= 200 && status < 300) latencies.push(performance.now() - due);
            else refused += 1;
          },
          () => void (refused += 1),
        ),
      );
    }
    await Promise.all(answers);
  } finally {
    agent.destroy();
  }
  const elapsedSeconds = (performance.now() - start) / 1000;
  if (latencies.length === 0) throw new Error(`paced load at ${rate}/s: no request was answered with a 2xx`);
  return {
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    perSecond: latencies.length / elapsedSeconds,
    refused,
  };
}

/**
 * One POST, resolving with its status once the whole answer has arrived, failing once its socket
 * has been silent for `timeoutMs`: a platform that never answers one request fails the load
 * instead of leaving the bench waiting for ever.
 */
function send(
  agent: Agent,
  url: URL,
  headers: Readonly<Record<string, string>>,
  body: string,
  timeoutMs: number,
): Promise<number> {
  return new Promise((answered, failed) => {
    const outgoing = request(
      url,
      { agent, method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } },
      (response) => {
        response.resume();
        response.on('end', () => answered(response.statusCode ?? 0));
        response.on('error', failed);
      },
    );
    outgoing.on('error', failed);
    outgoing.setTimeout(timeoutMs, () => outgoing.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    outgoing.end(body);
  });
}
