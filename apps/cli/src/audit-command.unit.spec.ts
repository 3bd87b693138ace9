import { afterEach, describe, expect, it, vi } from 'vitest';
import { runAudit } from './audit-command.js';

/** Usage errors are found before anything is asked of the platform: no server runs here. */
describe('presales audit usage', () => {
  afterEach(() => vi.restoreAllMocks());

  async function usage(
    positional: string[],
    options: Record<string, string> = {},
  ): Promise<{ code: number; message: string }> {
    const errors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(line));
    const fetched = vi.spyOn(globalThis, 'fetch');
    const code = await runAudit(positional, { url: 'http://127.0.0.1:9', ...options });
    expect(fetched).not.toHaveBeenCalled();
    return { code, message: errors.join('\n') };
  }

  it('names the subcommands when none or an unknown one is given', async () => {
    expect(await usage([])).toEqual({
      code: 2,
      message: 'presales audit: say what to do: search, history, as-of, diff, proof, verify, evidence, kpis, reads',
    });
    expect((await usage(['replay'])).code).toBe(2);
  });

  it('asks for what each subcommand needs', async () => {
    expect(await usage(['history'])).toEqual({
      code: 2,
      message: 'presales audit: give the tender id, e.g. presales audit history T-1',
    });
    expect(await usage(['as-of'])).toEqual({
      code: 2,
      message: 'presales audit: give the stream, e.g. presales audit as-of tender-T-1',
    });
    expect(await usage(['diff', 'quote-Q-1'])).toEqual({
      code: 2,
      message: 'presales audit: give --from REVISION|ISO_TIME (and optionally --to)',
    });
    expect(await usage(['search'])).toEqual({
      code: 2,
      message: 'presales audit: give the text to look for, e.g. presales audit search Acme',
    });
    expect(await usage(['kpis'])).toEqual({
      code: 2,
      message: 'presales audit: give --as-of ISO_TIME, the moment to travel back to',
    });
  });

  it('refuses stray arguments and unknown formats', async () => {
    expect(await usage(['history', 'T-1', 'T-2'])).toEqual({
      code: 2,
      message: 'presales audit: unexpected argument "T-2"',
    });
    expect(await usage(['reads', 'today'])).toEqual({
      code: 2,
      message: 'presales audit: unexpected argument "today"',
    });
    expect(await usage(['verify'], { format: 'xml' })).toEqual({
      code: 2,
      message: 'presales audit: --format must be text or json',
    });
  });
});
