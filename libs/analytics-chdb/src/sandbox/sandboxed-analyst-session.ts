import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { setPriority } from 'node:os';
import { join } from 'node:path';
import { AnalyticsQueryError, toAnalystResult, type AnalystLimits, type AnalystResult, type AnalystSession, type GatedSql, type JsonFormatBody } from '@presales/analytics';
import { snapshotRoot } from './data-snapshot.js';
import { workerCommand, type WorkerIsolation } from './worker-isolation.js';

export interface SandboxedAnalystSessionOptions {
  /** The platform's chDB folder; snapshots go beside it (same file system, for hard links). */
  readonly dataPath: string;
  readonly database?: string;
  readonly limits: AnalystLimits;
  readonly isolation: WorkerIsolation;
  /** Copies the folder to `target` while no insert runs (ChdbAnalyticsStore). */
  readonly snapshot: (target: string, owner: { uid: number; gid: number } | undefined) => Promise<void>;
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

  constructor(private readonly options: SandboxedAnalystSessionOptions) {
    this.snapshots = snapshotRoot(options.dataPath, options.isolation.kind === 'os' ? options.isolation : undefined);
    this.mountPoint = join(this.snapshots, '.root');
    mkdirSync(this.mountPoint, { recursive: true, mode: 0o700 });
  }

  async query(sql: GatedSql): Promise<AnalystResult> {
    const folder = join(this.snapshots, randomUUID());
    const { isolation } = this.options;
    try {
      await this.options.snapshot(folder, isolation.kind === 'os' ? isolation : undefined);
      const body = await this.runWorker(folder, sql.canonical);
      return toAnalystResult(JSON.parse(body) as JsonFormatBody);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }

  async close(): Promise<void> {
    await rm(this.snapshots, { recursive: true, force: true });
  }

  private runWorker(folder: string, sql: string): Promise<string> {
    const { limits, database } = this.options;
    const settings = [
      '--readonly=1',
      `--max_execution_time=${limits.maxExecutionSeconds}`,
      `--max_result_rows=${limits.maxResultRows}`,
      `--max_result_bytes=${MAX_ANSWER_BYTES}`,
      '--result_overflow_mode=throw',
      `--max_memory_usage=${limits.maxMemoryBytes}`,
      `--max_server_memory_usage=${limits.maxMemoryBytes + WORKER_BASELINE_BYTES}`,
      // One thread: a heavy analyst query takes one core of the platform's, not all of them.
      '--max_threads=1',
      // No host files for file(), should one pass: the folder does not exist.
      `--user_files_path=${join(folder, 'no-user-files')}/`,
      '--output_format_json_quote_64bit_integers=0',
    ];
    const { command, args } = workerCommand(this.options.isolation, { worker: this.worker, snapshot: folder, mountPoint: this.mountPoint });
    // No environment: nothing of the platform's (URLs, passwords) for /proc/self/environ.
    const child = spawn(command, args, { env: { PATH: '/usr/bin:/bin' }, stdio: ['pipe', 'pipe', 'pipe'] });
    return new Promise<string>((resolve, reject) => {
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      let outBytes = 0;
      let stoppedBy: string | undefined;
      const stop = (why: string) => {
        stoppedBy ??= why;
        child.kill('SIGKILL');
      };
      const deadline = setTimeout(() => stop(`Code: 159. stopped by the platform: the worker ran longer than ${limits.maxExecutionSeconds} s`), limits.maxExecutionSeconds * 1000 + STARTUP_GRACE_MS);
      const memory = setInterval(() => {
        const rss = treeResidentBytes(child.pid);
        if (rss > limits.maxMemoryBytes + WORKER_BASELINE_BYTES) stop(`Code: 241. stopped by the platform: the worker used ${Math.round(rss / 2 ** 20)} MiB`);
      }, MEMORY_POLL_MS);
      if (child.pid !== undefined) {
        try {
          setPriority(child.pid, WORKER_NICENESS);
        } catch {
          // Gone already; its exit says why.
        }
      }
      child.stdout.on('data', (chunk: Buffer) => {
        outBytes += chunk.length;
        if (outBytes > MAX_ANSWER_BYTES) stop(`Code: 396. stopped by the platform: the answer is larger than ${MAX_ANSWER_BYTES / 2 ** 20} MiB`);
        else out.push(chunk);
      });
      child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
      child.on('error', (error) => stop(`the worker did not start: ${error.message}`));
      child.on('close', (code, signal) => {
        clearTimeout(deadline);
        clearInterval(memory);
        if (stoppedBy === undefined && code === 0) return resolve(Buffer.concat(out).toString('utf8'));
        const message = stoppedBy ?? (Buffer.concat(err).toString('utf8').trim() || `the worker ended with ${signal ?? `exit code ${code}`}`);
        reject(new AnalyticsQueryError('chdb', sql, message));
      });
      child.stdin.end(JSON.stringify({ path: folder, ...(database === undefined ? {} : { database }), sql, settings }));
    });
  }
}

/** The resident memory of a process and its descendants: in its own namespaces the worker is unshare's child. */
function treeResidentBytes(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
    return (kb === undefined ? 0 : Number(kb) * 1024) + children.reduce((sum, child) => sum + treeResidentBytes(child), 0);
  } catch {
    return 0;
  }
}
