import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { availableIsolation, NOBODY, workerCommand, workerReadOnlyPaths } from './worker-isolation.js';
import { WORKER_ROOT_SCRIPT } from './worker-root.js';

const worker = join(__dirname, 'analyst-worker.mjs');
const job = { worker, snapshot: '/data.analyst/q-1', mountPoint: '/data.analyst/.root' };

describe('worker isolation', () => {
  it('runs a worker as nobody in network, process and mount namespaces of its own when the platform is root', () => {
    const { command, args } = workerCommand({ kind: 'os', ...NOBODY }, job);
    expect([command, ...args.slice(0, 12)]).toEqual([
      '/usr/bin/chrt',
      '--idle',
      '0',
      '/usr/bin/unshare',
      '--mount',
      '--net',
      '--pid',
      '--fork',
      '--kill-child',
      '--propagation',
      'private',
      '--',
      '/bin/sh',
    ]);
    expect(args.slice(12, 14)).toEqual(['-c', WORKER_ROOT_SCRIPT]);
    expect(args.slice(14, 17)).toEqual(['worker-root', '/data.analyst/.root', '/data.analyst/q-1']);
    const line = [command, ...args.slice(14)].join(' ');
    expect(line).toMatch(/ -- \/usr\/bin\/setpriv --reuid=65534 --regid=65534 --clear-groups --no-new-privs/);
    expect(line).toMatch(/--pdeathsig=KILL -- \S+node\S* --max-old-space-size=256 \S+\/analyst-worker\.mjs$/);
  });

  it('shows the worker no host configuration, home or data: only programs, libraries and chDB', () => {
    const paths = workerReadOnlyPaths(worker);
    expect(paths).toContain('/usr');
    expect(paths).toContain(worker);
    expect(paths.filter((path) => path.startsWith('/etc'))).toEqual(['/etc/ld.so.cache']);
    expect(paths.some((path) => path.endsWith('/node_modules'))).toBe(true);
    expect(paths).not.toContain('/');
    expect(paths).not.toContain('/tmp');
  });

  it('is a plain process of the same user otherwise, still idle', () => {
    const { command, args } = workerCommand({ kind: 'process' }, job);
    expect([command, ...args].join(' ')).toMatch(
      /^\/usr\/bin\/chrt --idle 0 \S+node\S* --max-old-space-size=256 \S+\/analyst-worker\.mjs$/,
    );
  });

  it('isolates by the operating system only when this process is root', () => {
    if (process.getuid?.() !== 0) expect(availableIsolation().kind).toBe('process');
    else expect(['os', 'process']).toContain(availableIsolation().kind);
  });
});
