import { describe, expect, it } from 'vitest';
import { StreamDeletedError, WrongExpectedVersionError } from './errors.js';
import type { ExpectedRevision } from './options.js';
import { ABSENT, checkAppend, checkDelete, type StreamState } from './stream-state.js';

const live: StreamState = { kind: 'live', lastRevision: 3n };
const softDeleted: StreamState = { kind: 'soft_deleted', lastRevision: 3n };
const tombstoned: StreamState = { kind: 'tombstoned' };

describe('checkAppend (EventStoreDB expected-revision rules)', () => {
  it.each<[StreamState, ExpectedRevision, bigint | undefined]>([
    // [state, expected, continues after]
    [ABSENT, 'any', undefined],
    [ABSENT, 'no_stream', undefined],
    [live, 'any', 3n],
    [live, 'stream_exists', 3n],
    [live, 3n, 3n],
    [softDeleted, 'any', 3n],
    [softDeleted, 'no_stream', 3n],
    [softDeleted, 3n, 3n],
  ])('accepts case %#', (state, expected, continuesAfter) => {
    expect(checkAppend('s-1', expected, state)).toBe(continuesAfter);
  });

  it.each<[StreamState, ExpectedRevision, bigint | undefined]>([
    // [state, expected, actual reported]
    [ABSENT, 'stream_exists', undefined],
    [ABSENT, 0n, undefined],
    [live, 'no_stream', 3n],
    [live, 2n, 3n],
    [softDeleted, 2n, 3n],
  ])('refuses case %# as a wrong expected version', (state, expected, actual) => {
    expect(() => checkAppend('s-1', expected, state)).toThrow(WrongExpectedVersionError);
    try {
      checkAppend('s-1', expected, state);
    } catch (error) {
      expect(error).toMatchObject({ streamId: 's-1', expected, actual });
    }
  });

  it('refuses every append to a tombstone', () => {
    for (const expected of ['any', 'no_stream', 'stream_exists', 0n] as const)
      expect(() => checkAppend('s-1', expected, tombstoned)).toThrow(StreamDeletedError);
  });
});

describe('checkDelete', () => {
  it('soft-deletes existing streams only; tombstones may reserve an unused name', () => {
    expect(() => checkDelete('s-1', 'soft', 'any', ABSENT)).toThrow(WrongExpectedVersionError);
    expect(() => checkDelete('s-1', 'tombstone', 'no_stream', ABSENT)).not.toThrow();
    expect(() => checkDelete('s-1', 'tombstone', 'stream_exists', ABSENT)).toThrow(WrongExpectedVersionError);
  });

  it('guards by revision and refuses a tombstone', () => {
    expect(() => checkDelete('s-1', 'soft', 3n, live)).not.toThrow();
    expect(() => checkDelete('s-1', 'soft', 2n, live)).toThrow(WrongExpectedVersionError);
    expect(() => checkDelete('s-1', 'soft', 'no_stream', live)).toThrow(WrongExpectedVersionError);
    expect(() => checkDelete('s-1', 'tombstone', 'any', softDeleted)).not.toThrow();
    expect(() => checkDelete('s-1', 'soft', 'any', tombstoned)).toThrow(StreamDeletedError);
    expect(() => checkDelete('s-1', 'tombstone', 'any', tombstoned)).toThrow(StreamDeletedError);
  });
});
