import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@presales/domain';
import type { EventStore } from '@presales/event-store';
import { randomUUID } from 'node:crypto';
import { CLOCK, EVENT_STORE, type Clock } from '../infrastructure/tokens.js';
import { SignInMetrics } from '../metrics/sign-in-metrics.js';

/**
 * Security events are not presales domain: like audit reads (decision 0011) they live in streams
 * of their own, `security-<YYYY-MM-DD>`, which the domain catalog does not know and the projector
 * skips; they are hash-chained like every other event. They never hold a secret: no password,
 * token or session key, not even hashed.
 */
export const SECURITY_STREAM_PREFIX = 'security-';

export type SecurityEvent =
  | {
      readonly type: 'SignedIn';
      readonly data: {
        readonly accountId: string;
        readonly method: 'password' | 'token' | 'oidc';
        readonly client: string;
      };
    }
  | {
      readonly type: 'SignInFailed';
      readonly data: {
        readonly username: string;
        readonly method: 'password' | 'token' | 'oidc';
        readonly reason: string;
        readonly client: string;
      };
    }
  | { readonly type: 'SignedOut'; readonly data: { readonly accountId: string } }
  | {
      readonly type: 'ApiTokenCreated';
      readonly data: {
        readonly tokenId: string;
        readonly name: string;
        readonly role: string;
        readonly actsAs: string;
        readonly expiresAt: string | null;
      };
    }
  | { readonly type: 'ApiTokenRevoked'; readonly data: { readonly tokenId: string } }
  | {
      readonly type: 'AccountCreated';
      readonly data: {
        readonly accountId: string;
        readonly username: string;
        readonly role: string;
        readonly source: 'local' | 'oidc' | 'first-start' | 'demo';
      };
    }
  | {
      readonly type: 'AccountChanged';
      readonly data: {
        readonly accountId: string;
        readonly role?: string;
        readonly disabled?: boolean;
        readonly passwordChanged?: boolean;
      };
    };

/** The platform itself, for what happens with nobody signed in (a failed sign-in, the first admin). */
export const PLATFORM_ACTOR: Actor = { id: 'platform', role: 'system' };

@Injectable()
export class SecurityLog {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly signIns: SignInMetrics,
  ) {}

  async record(event: SecurityEvent, actor: Actor): Promise<void> {
    if (event.type === 'SignInFailed') this.signIns.failed(event.data.method);
    const at = this.clock();
    await this.eventStore.appendToStream(
      `${SECURITY_STREAM_PREFIX}${at.toISOString().slice(0, 10)}`,
      [
        {
          id: randomUUID(),
          type: event.type,
          data: event.data,
          metadata: { occurredAt: at.toISOString(), actor, schemaVersion: 1 },
        },
      ],
      { expectedRevision: 'any' },
    );
  }
}
