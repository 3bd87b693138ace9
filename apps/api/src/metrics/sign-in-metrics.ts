import { Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { MetricsRegistry } from './metrics-registry.js';

/** Failed sign-ins by method: a rise is someone guessing passwords or a broken identity provider. */
@Injectable()
export class SignInMetrics {
  private readonly failures: Counter<'method'>;

  constructor({ registry }: MetricsRegistry) {
    this.failures = new Counter({
      name: 'presales_sign_in_failures_total',
      help: 'Sign-ins refused since start, by method (password, token, oidc).',
      labelNames: ['method'],
      registers: [registry],
    });
  }

  failed(method: 'password' | 'token' | 'oidc'): void {
    this.failures.inc({ method });
  }
}
