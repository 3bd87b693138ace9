import { createParamDecorator, InternalServerErrorException, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { actorOf, type Authentication, type Principal } from '../principal.js';
import { authenticationOf } from './request-authentication.js';

function required(context: ExecutionContext): Authentication {
  const authentication = authenticationOf(context.switchToHttp().getRequest<Request>());
  // Only a route declared public can get here unauthenticated, and a public route must not ask who.
  if (authentication === undefined)
    throw new InternalServerErrorException('a route that needs the caller is declared public');
  return authentication;
}

/** The authenticated caller. */
export const CurrentPrincipal = createParamDecorator(
  (_: unknown, context: ExecutionContext): Principal => required(context).principal,
);

/** The authenticated caller as the actor recorded in events: the only source of it. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext) =>
  actorOf(required(context).principal),
);

/** The whole authentication (session or token), for sign-out and the CSRF token. */
export const CurrentAuthentication = createParamDecorator((_: unknown, context: ExecutionContext): Authentication =>
  required(context),
);
