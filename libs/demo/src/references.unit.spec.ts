import { parseDomainEvent, referencesOf } from '@presales/domain';
import { describe, expect, it } from 'vitest';
import { generateDemo } from './generate.js';

describe('the demo history', () => {
  it('names only what it recorded before: every reference of every event is to a stream with an earlier event', () => {
    const seen = new Set<string>();
    const dangling = new Map<string, number>();
    for (const line of generateDemo({ seed: 1, scale: 'small' })) {
      const event = parseDomainEvent(line.type, line.data, line.stream);
      for (const reference of referencesOf(event)) {
        if (seen.has(reference.stream)) continue;
        const key = `${line.type}.${reference.field.replace(/\[\d+\]$/, '[]')}`;
        dangling.set(key, (dangling.get(key) ?? 0) + 1);
      }
      seen.add(line.stream);
    }
    expect(Object.fromEntries(dangling)).toEqual({});
  });
});
