import { describe, expect, it } from 'vitest';
import { preferredWaitSeconds } from './read-your-writes.js';

describe('the Prefer: wait preference (RFC 7240)', () => {
  it.each([
    ['wait=0', 0],
    ['respond-async, wait=1', 1],
    ['return=minimal; wait="0"', 0],
    ['WAIT = 3', 3],
  ])('reads %j as %d seconds', (header, seconds) => {
    expect(preferredWaitSeconds(header)).toBe(seconds);
  });

  it.each([undefined, '', 'wait=-1', 'wait=soon', 'wait=0.5', 'respond-async', `wait=0${' '.repeat(2000)}`])(
    'ignores %j',
    (header) => {
      expect(preferredWaitSeconds(header)).toBeUndefined();
    },
  );
});
