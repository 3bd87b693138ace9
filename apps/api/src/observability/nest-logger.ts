import { Injectable } from '@nestjs/common';
import { Logger } from 'nestjs-pino';

/**
 * Nest's own logging through the platform's pino logger (nestjs-pino), so a warning or an error
 * logged while serving a request is a JSON line with that request's correlation id. Nest logs its
 * start-up chatter (each module, each of some 200 routes) at its `log` level: that goes to debug
 * here, so the default level shows requests and problems, not the route table.
 */
@Injectable()
export class PlatformNestLogger extends Logger {
  override log(message: unknown, ...optionalParams: unknown[]): void {
    this.debug(message, ...optionalParams);
  }
}
