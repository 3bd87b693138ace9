import { describe, expect, it } from 'vitest';
import { useOnDemand } from './use-on-demand';

describe('useOnDemand: a control loaded when the person reaches for it', () => {
  it('loads once however often it is reached for, and is then wanted once', async () => {
    let loads = 0;
    const picker = useOnDemand(async () => `picker ${(loads += 1)}`);
    await Promise.all([picker.reachFor(), picker.reachFor()]);
    expect([loads, picker.loaded.value]).toEqual([1, 'picker 1']);
    expect(picker.stillWanted()).toBe(true);
    expect(picker.stillWanted()).toBe(false);
  });

  it('tries again at the next reach after a load that failed, instead of never opening', async () => {
    const outcomes = [Promise.reject(new Error('chunk not found')), Promise.resolve('picker')];
    const picker = useOnDemand(() => outcomes.shift()!);
    await picker.reachFor();
    expect(picker.loaded.value).toBeNull();
    expect(picker.stillWanted()).toBe(false);
    await picker.reachFor();
    expect(picker.loaded.value).toBe('picker');
    expect(picker.stillWanted()).toBe(true);
  });

  it('does not take the focus back when the person moved on while it loaded', async () => {
    let arrive: (value: string) => void = () => undefined;
    const picker = useOnDemand(() => new Promise<string>((resolve) => (arrive = resolve)));
    const reached = picker.reachFor();
    picker.letGo();
    arrive('picker');
    await reached;
    expect(picker.loaded.value).toBe('picker');
    expect(picker.stillWanted()).toBe(false);
  });

  it('still opens when the stand-in loses the focus only because the loaded control replaced it', async () => {
    const picker = useOnDemand(async () => 'picker');
    await picker.reachFor();
    picker.letGo();
    expect(picker.stillWanted()).toBe(true);
  });
});
