import { describe, expect, it } from 'vitest';
import { availableIsolation, NOBODY, workerCommand } from './worker-isolation.js';

describe('worker isolation', () => {
  it('runs a worker as nobody in a network namespace of its own when the platform is root', () => {
    const { command, args } = workerCommand({ kind: 'os', ...NOBODY }, '/w.mjs');
    const line = [command, ...args].join(' ');
    expect(line).toMatch(/^\/usr\/bin\/chrt --idle 0 \/usr\/bin\/unshare --net -- \/usr\/bin\/setpriv --reuid=65534 --regid=65534 --clear-groups --no-new-privs/);
    expect(line).toMatch(/--pdeathsig=KILL -- \S+node\S* --max-old-space-size=256 \/w\.mjs$/);
  });

  it('is a plain process of the same user otherwise, still idle', () => {
    const { command, args } = workerCommand({ kind: 'process' }, '/w.mjs');
    expect([command, ...args].join(' ')).toMatch(/^\/usr\/bin\/chrt --idle 0 \S+node\S* --max-old-space-size=256 \/w\.mjs$/);
  });

  it('isolates by the operating system exactly when this process is root', () => {
    expect(availableIsolation().kind).toBe(process.getuid?.() === 0 ? 'os' : 'process');
  });
});
