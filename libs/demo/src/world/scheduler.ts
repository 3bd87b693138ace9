/** A step of the simulation, run at its business time. */
export interface Task {
  readonly at: number;
  readonly run: () => void;
}

interface Entry extends Task {
  readonly seq: number;
}

/**
 * The simulation's agenda: a binary min-heap by time, ties broken by scheduling order, so steps
 * run (and events come out) in time order and always in the same order for the same seed. It holds
 * only the steps still to come, so memory follows the number of live entities, not the history.
 */
export class Scheduler {
  private readonly heap: Entry[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  at(at: number, run: () => void): void {
    const entry = { at, run, seq: this.seq++ };
    this.heap.push(entry);
    let index = this.heap.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!before(entry, this.heap[parent]!)) break;
      this.heap[index] = this.heap[parent]!;
      index = parent;
    }
    this.heap[index] = entry;
  }

  /** The earliest step, removed; undefined when nothing is left. */
  next(): Task | undefined {
    const top = this.heap[0];
    if (top === undefined) return undefined;
    const last = this.heap.pop()!;
    if (this.heap.length > 0) {
      let index = 0;
      for (;;) {
        const left = 2 * index + 1;
        if (left >= this.heap.length) break;
        const right = left + 1;
        const child = right < this.heap.length && before(this.heap[right]!, this.heap[left]!) ? right : left;
        if (!before(this.heap[child]!, last)) break;
        this.heap[index] = this.heap[child]!;
        index = child;
      }
      this.heap[index] = last;
    }
    return top;
  }
}

function before(a: Entry, b: Entry): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}
