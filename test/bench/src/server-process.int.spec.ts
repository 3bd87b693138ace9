import { afterEach, describe, expect, it, vi } from 'vitest';
import { startServerProcess } from './server-process.js';

describe('startServerProcess', () => {
  afterEach(() => vi.useRealTimers());

  it('resolves with the URL the process announces, and stops it', async () => {
    const server = await startServerProcess(
      ['-e', 'console.log("served at http://127.0.0.1:1/"); setInterval(() => undefined, 1000)'],
      /served at (http:\/\/\S+\/)/,
    );
    expect(server.url).toBe('http://127.0.0.1:1/');
    await server.stop();
    expect(server.child.signalCode).toBe('SIGTERM');
  });

  it('fails at once with what the process printed when it exits before announcing, holding no timer open', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await expect(
      startServerProcess(['-e', 'console.log("no port free"); process.exit(3)'], /served at (http:\/\/\S+\/)/),
    ).rejects.toThrow(/exited with 3:\nno port free/);
    // The start's time limit (120 s) would otherwise keep the bench alive that long after the failure.
    expect(vi.getTimerCount()).toBe(0);
  });
});
