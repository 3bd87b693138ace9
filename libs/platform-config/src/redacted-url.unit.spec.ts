import { describe, expect, it } from 'vitest';
import { redactedUrl } from './redacted-url.js';

describe('redactedUrl', () => {
  it('hides the password of every node of a list, keeping user, host, path and query', () => {
    expect(redactedUrl('http://presales:s3cr:et@ch-1:8123/presales,http://presales:other@ch-2:8123/presales')).toBe(
      'http://presales:***@ch-1:8123/presales,http://presales:***@ch-2:8123/presales',
    );
    expect(redactedUrl('esdb://admin:changeit@es-1:2113?tls=false')).toBe('esdb://admin:***@es-1:2113?tls=false');
  });

  it('leaves a URL without a password as it is', () => {
    expect(redactedUrl('http://127.0.0.1:8123/presales')).toBe('http://127.0.0.1:8123/presales');
    expect(redactedUrl('http://user@host:8123/db')).toBe('http://user@host:8123/db');
  });
});
