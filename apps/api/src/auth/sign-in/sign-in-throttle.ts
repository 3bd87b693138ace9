import { HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/** Failed sign-ins allowed per username from one address, and per address, in a quarter of an hour. */
const FAILURES_PER_USER_AND_CLIENT = 5;
const FAILURES_PER_CLIENT = 30;
const WINDOW_SECONDS = 15 * 60;

export class TooManySignInsException extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    super(`too many failed sign-ins: try again in ${retryAfterSeconds} s`, HttpStatus.TOO_MANY_REQUESTS);
  }
}

/**
 * Slows password and token guessing: after 5 failures for one username from one address, or 30
 * from one address, sign-in from there is refused with 429 and Retry-After until the window
 * passes. In memory, per process: a restart forgets, which costs an attacker a restart of ours.
 */
@Injectable()
export class SignInThrottle {
  private readonly perUser = new RateLimiterMemory({ points: FAILURES_PER_USER_AND_CLIENT, duration: WINDOW_SECONDS });
  private readonly perClient = new RateLimiterMemory({ points: FAILURES_PER_CLIENT, duration: WINDOW_SECONDS });

  /** Throws 429 when this username or client has used up its failures. */
  async check(username: string, client: string): Promise<void> {
    const [user, address] = await Promise.all([
      this.perUser.get(userKey(username, client)),
      this.perClient.get(client),
    ]);
    const blocked = [user, address].filter((res): res is RateLimiterRes => res !== null && res.remainingPoints <= 0);
    if (blocked.length > 0)
      throw new TooManySignInsException(
        Math.max(1, Math.ceil(Math.max(...blocked.map((res) => res.msBeforeNext)) / 1000)),
      );
  }

  async failed(username: string, client: string): Promise<void> {
    await Promise.all([this.perUser.penalty(userKey(username, client), 1), this.perClient.penalty(client, 1)]);
  }

  async succeeded(username: string, client: string): Promise<void> {
    await this.perUser.delete(userKey(username, client));
  }
}

function userKey(username: string, client: string): string {
  return `${username.toLowerCase()}|${client}`;
}
