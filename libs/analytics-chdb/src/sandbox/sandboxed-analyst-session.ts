import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import {
  AnalyticsQueryError,
  toAnalystResult,
  type AnalystLimits,
  type AnalystResult,
  type AnalystRowStream,
  type AnalystSession,
  type GatedSql,
  type JsonFormatBody,
} from '@presales/analytics';
import { snapshotRoot } from './data-snapshot.js';
import type { PlatformFirst } from './platform-first.js';
import { SnapshotRemovals } from './snapshot-removals.js';
import { SpawnServer } from './spawn-server.js';
import { workerCommand, type WorkerIsolation } from './worker-isolation.js';

export interface SandboxedAnalystSessionOptions {
  /** The platform's chDB folder; snapshots go beside it (same file system, for hard links). */
  readonly dataPath: string;
  readonly database?: string;
  readonly limits: AnalystLimits;
  readonly isolation: WorkerIsolation;
  /** When the platform's engine computes, and the workers wait (decision 0046); they never wait without one. */
  readonly platformFirst?: PlatformFirst;
  /** Copies the folder to `target` while no insert runs (ChdbAnalyticsStore), its programs started by `spawner`. */
  readonly snapshot: (
    target: string,
    owner: { uid: number; gid: number } | undefined,
    spawner: SpawnServer,
  ) => Promise<void>;
}

/** The answer the platform takes from a worker at most; beyond it the worker is killed. */
export const MAX_ANSWER_BYTES = 64 * 1024 * 1024;
/** What a worker may take on top of the query's memory limit: node and chDB themselves (~280 MB measured). */
const WORKER_BASELINE_BYTES = 512 * 1024 * 1024;
/** Starting node and chDB on a snapshot (~0.7–1.2 s measured on two busy cores), before the engine's own time limit starts. */
const STARTUP_GRACE_MS = 5000;
const MEMORY_POLL_MS = 100;
/** Below the platform's own work where `chrt --idle` is missing (worker-isolation.ts). */
const WORKER_NICENESS = 19;

/**
 * Analyst SQL on chDB, each query in a worker process of its own on a snapshot of the analytics
 * folder (decision 0024): the platform's engine session never sees analyst SQL, no caller can
 * see, cancel or change another's session, and the platform enforces time, memory and answer
 * size by killing the worker.
 */
export class SandboxedAnalystSession implements AnalystSession {
  private readonly snapshots: string;
  private readonly mountPoint: string;
  private readonly worker = join(__dirname, 'analyst-worker.mjs');
  /**
   * Started with the session, at the platform's start, while it is small: every program an
   * analyst query needs is then a fork of the spawn server, never of the platform (decision 0046).
   */
  private readonly spawner = SpawnServer.start();
  private readonly removals = new SnapshotRemovals(this.spawner);
  private readonly stopHearing: () => void;

  constructor(private readonly options: SandboxedAnalystSessionOptions) {
    this.stopHearing =
      options.platformFirst?.subscribe((paused) => {
        if (paused) this.spawner.pause();
        else this.spawner.resume();
      }) ?? (() => undefined);
    this.snapshots = snapshotRoot(options.dataPath, options.isolation.kind === 'os' ? options.isolation : undefined);
    this.mountPoint = join(this.snapshots, '.root');
    mkdirSync(this.mountPoint, { recursive: true, mode: 0o700 });
  }

  async query(sql: GatedSql): Promise<AnalystResult> {
    const folder = join(this.snapshots, randomUUID());
    const { isolation } = this.options;
    try {
      await this.options.snapshot(folder, isolation.kind === 'os' ? isolation : undefined, this.spawner);
      const body = await this.runWorker(folder, sql.canonical);
      return toAnalystResult(JSON.parse(body) as JsonFormatBody);
    } finally {
      this.removals.remove(folder);
    }
  }

  async stream(sql: GatedSql): Promise<AnalystRowStream> {
    const folder = join(this.snapshots, randomUUID());
    const { isolation } = this.options;
    const removeSnapshot = async () => this.removals.remove(folder);
    let worker: RunningWorker;
    try {
      await this.options.snapshot(folder, isolation.kind === 'os' ? isolation : undefined, this.spawner);
      worker = await this.startWorker(folder, sql.canonical, 'stream');
    } catch (error) {
      await removeSnapshot();
      throw error;
    }
    const lines = jsonLines(worker.stdout);
    const failure = async (): Promise<AnalyticsQueryError> =>
      new AnalyticsQueryError('chdb', sql.canonical, await worker.failure());
    try {
      const names = await lines.next();
      const types = await lines.next();
      if (names.done === true || types.done === true) throw await failure();
      const columns = (names.value as string[]).map((name, i) => ({
        name,
        type: String((types.value as string[])[i]),
      }));
      const rows = async function* () {
        try {
          for (let line = await lines.next(); line.done !== true; line = await lines.next())
            yield line.value as unknown[];
          const fault = await worker.failure();
          if (fault !== '') throw new AnalyticsQueryError('chdb', sql.canonical, fault);
        } finally {
          worker.stop('the reader went away');
          await worker.ended;
          await removeSnapshot();
        }
      };
      // A reader that never starts the rows still ends the worker and its snapshot by cancelling.
      const cancel = () => {
        worker.stop('the reader went away');
        void worker.ended.then(removeSnapshot);
      };
      return { columns, rows: rows(), cancel };
    } catch (error) {
      worker.stop('the columns did not arrive');
      await worker.ended;
      await removeSnapshot();
      throw error;
    }
  }

  async close(): Promise<void> {
    this.stopHearing();
    await this.removals.settled();
    await this.spawner.close();
    await rm(this.snapshots, { recursive: true, force: true });
  }

  private async runWorker(folder: string, sql: string): Promise<string> {
    const worker = await this.startWorker(folder, sql, 'answer');
    return new Promise<string>((resolve, reject) => {
      const out: Buffer[] = [];
      let outBytes = 0;
      worker.stdout.on('data', (chunk: Buffer) => {
        outBytes += chunk.length;
        if (outBytes > MAX_ANSWER_BYTES)
          worker.stop(
            `Code: 396. stopped by the platform: the answer is larger than ${MAX_ANSWER_BYTES / 2 ** 20} MiB`,
          );
        else out.push(chunk);
      });
      void worker
        .failure()
        .then((fault) =>
          fault === ''
            ? resolve(Buffer.concat(out).toString('utf8'))
            : reject(new AnalyticsQueryError('chdb', sql, fault)),
        );
    });
  }

  /**
   * One worker on `folder`, under the engine's limits and the platform's watch. An export
   * (`stream`) has no answer-size cap of the platform's: it holds no answer, the pipe's
   * back-pressure paces the engine, and the engine's row limit still applies.
   */
  private async startWorker(folder: string, sql: string, mode: 'answer' | 'stream'): Promise<RunningWorker> {
    const { database } = this.options;
    const limits = mode === 'answer' ? this.options.limits : { ...this.options.limits, ...this.options.limits.export };
    const settings = [
      '--readonly=1',
      `--max_execution_time=${limits.maxExecutionSeconds}`,
      `--max_result_rows=${limits.maxResultRows}`,
      ...(mode === 'answer' ? [`--max_result_bytes=${MAX_ANSWER_BYTES}`] : []),
      '--result_overflow_mode=throw',
      `--max_memory_usage=${limits.maxMemoryBytes}`,
      `--max_server_memory_usage=${limits.maxMemoryBytes + WORKER_BASELINE_BYTES}`,
      // One thread: a heavy analyst query takes one core of the platform's, not all of them.
      '--max_threads=1',
      // No host files for file(), should one pass: the folder does not exist.
      `--user_files_path=${join(folder, 'no-user-files')}/`,
      '--output_format_json_quote_64bit_integers=0',
      // Exports keep every digit of a decimal: as text, not a JavaScript number.
      ...(mode === 'stream' ? ['--output_format_json_quote_decimals=1'] : []),
    ];
    const { command, args } = workerCommand(this.options.isolation, {
      worker: this.worker,
      snapshot: folder,
      mountPoint: this.mountPoint,
    });
    // No environment: nothing of the platform's (URLs, passwords) for /proc/self/environ.
    const program = await this.spawner.launch({
      command,
      args,
      env: { PATH: '/usr/bin:/bin' },
      niceness: WORKER_NICENESS,
      pausable: true,
    });
    let stoppedBy: string | undefined;
    const stop = (why: string) => {
      stoppedBy ??= why;
      program.kill('SIGKILL');
    };
    // The platform's deadline counts the worker's running time: a worker stopped while the
    // platform's engine reads (PlatformFirst) is not running late, and the engine's own limit,
    // which is wall time, still ends a query that waited too long, and says so (waitNote).
    const startedAt = performance.now();
    const pausedMs = () => this.options.platformFirst?.pausedMs() ?? 0;
    const pausedAtStart = pausedMs();
    const waitedMs = () => pausedMs() - pausedAtStart;
    const budgetMs = limits.maxExecutionSeconds * 1000 + STARTUP_GRACE_MS;
    let deadline: NodeJS.Timeout;
    const armDeadline = (inMs: number) => {
      deadline = setTimeout(() => {
        const ranMs = performance.now() - startedAt - waitedMs();
        if (ranMs < budgetMs) armDeadline(budgetMs - ranMs);
        else stop(`Code: 159. stopped by the platform: the worker ran longer than ${limits.maxExecutionSeconds} s`);
      }, inMs);
    };
    armDeadline(budgetMs);
    const memory = setInterval(() => {
      const rss = treeResidentBytes(program.pid);
      if (rss > limits.maxMemoryBytes + WORKER_BASELINE_BYTES)
        stop(`Code: 241. stopped by the platform: the worker used ${Math.round(rss / 2 ** 20)} MiB`);
    }, MEMORY_POLL_MS);
    const ended = program.exited.then(({ code, signal, stderr, error }) => {
      clearTimeout(deadline);
      clearInterval(memory);
      if (stoppedBy === undefined && code === 0) return '';
      if (error !== undefined) return stoppedBy ?? `the worker did not start: ${error}`;
      return waitNote(
        stoppedBy ?? (stderr.trim() || `the worker ended with ${signal ?? `exit code ${code}`}`),
        waitedMs(),
      );
    });
    program.io.end(
      JSON.stringify({
        path: folder,
        ...(database === undefined ? {} : { database }),
        sql,
        settings,
        ...(mode === 'stream' ? { stream: true } : {}),
      }),
    );
    return { stdout: program.io, stop, failure: () => ended, ended: ended.then(() => undefined) };
  }
}

/** Waits shorter than this are not worth a word: a platform read is typically tens of milliseconds. */
const WAIT_WORTH_TELLING_MS = 100;

/**
 * A time limit's message, told how much of the time the worker spent stopped while the
 * platform's own engine read (decision 0046): the engine's `max_execution_time` is wall time,
 * so an analyst whose query was stopped would otherwise read that it ran for all of it. On the
 * first line, the one the analyst is shown (analystRefusal).
 */
function waitNote(fault: string, waitedMs: number): string {
  if (!/\bCode: 159\b|TIMEOUT_EXCEEDED/.test(fault) || waitedMs < WAIT_WORTH_TELLING_MS) return fault;
  const newline = fault.indexOf('\n');
  const [first, rest] = newline === -1 ? [fault, ''] : [fault.slice(0, newline), fault.slice(newline)];
  const seconds = (waitedMs / 1000).toFixed(1);
  return `${first} (of that time the query waited ${seconds} s, stopped, while the platform's own reads ran first)${rest}`;
}

/** A worker started by `startWorker`. */
interface RunningWorker {
  readonly stdout: Readable;
  /** Kills the worker; the first reason given is the one its failure reports. */
  stop(why: string): void;
  /** '' when the worker answered in full, else why it did not. */
  failure(): Promise<string>;
  readonly ended: Promise<void>;
}

/** JSON values, one a line, read as the stream delivers them (never more than a chunk ahead). */
async function* jsonLines(input: Readable): AsyncGenerator<unknown> {
  let rest = '';
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of input) {
    const lines = (rest + decoder.decode(chunk as Buffer, { stream: true })).split('\n');
    rest = lines.pop()!;
    for (const line of lines) if (line !== '') yield JSON.parse(line);
  }
  rest += decoder.decode();
  if (rest.trim() !== '') yield JSON.parse(rest);
}

/** The resident memory of a process and its descendants: in its own namespaces the worker is unshare's child. */
function treeResidentBytes(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
    return (
      (kb === undefined ? 0 : Number(kb) * 1024) + children.reduce((sum, child) => sum + treeResidentBytes(child), 0)
    );
  } catch {
    return 0;
  }
}
