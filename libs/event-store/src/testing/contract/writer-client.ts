import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { WriterCommand, WriterReply } from '../writer-protocol.js';

/** Parent side of the writer protocol: send commands, await replies, kill. */
export class WriterClient {
  private readonly replies: WriterReply[] = [];
  private readonly waiting: Array<(reply: WriterReply) => void> = [];
  private stderr = '';
  private exited: string | undefined;

  constructor(private readonly child: ChildProcess) {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.trim() === '') return;
      const reply = JSON.parse(line) as WriterReply;
      const waiter = this.waiting.shift();
      if (waiter) waiter(reply);
      else this.replies.push(reply);
    });
    child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    child.on('exit', (code, signal) => (this.exited = `exited with ${code ?? signal}`));
  }

  send(command: WriterCommand): void {
    this.child.stdin!.write(`${JSON.stringify(command)}\n`);
  }

  /** The next reply, or an error carrying the child's stderr if none comes in time. */
  next(timeoutMs = 20_000): Promise<WriterReply> {
    const queued = this.replies.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(deliver), 1);
        reject(
          new Error(
            `writer ${this.child.pid} sent nothing within ${timeoutMs} ms (${this.exited ?? 'running'}):\n${this.stderr}`,
          ),
        );
      }, timeoutMs);
      const deliver = (reply: WriterReply) => {
        clearTimeout(timer);
        resolve(reply);
      };
      this.waiting.push(deliver);
    });
  }

  async expect<K extends WriterReply['kind']>(kind: K): Promise<Extract<WriterReply, { kind: K }>> {
    const reply = await this.next();
    if (reply.kind !== kind)
      throw new Error(`writer ${this.child.pid}: expected ${kind}, got ${JSON.stringify(reply)}\n${this.stderr}`);
    return reply as Extract<WriterReply, { kind: K }>;
  }

  /** Close stdin and wait for a clean exit. */
  async finish(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.stdin!.end();
    await exited;
  }

  /** SIGKILL: no cleanup, no flush, exactly like a power cut for the process. */
  async kill(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGKILL');
    await exited;
  }
}
