import { Controller, HttpCode, Post, Req, Res, type Type } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Allow } from '../auth/access/access-rule.js';
import { CurrentPrincipal } from '../auth/access/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { ID_FIELD } from './aggregate-ids.js';
import { CommandEndpoint } from './command-endpoint.js';
import { COMMAND_ROUTES, commandPath, type CommandRoute } from './command-routes.js';

/**
 * One controller whose routes are generated from COMMAND_ROUTES: a method per command, named
 * after it, decorated as a hand-written route would be (path, 201, roles, parameters), so the
 * router, the access guard and the route table see ordinary routes.
 */
@Controller()
export class CommandsController {
  constructor(readonly endpoint: CommandEndpoint) {}
}

function addRoute(controller: Type, route: CommandRoute): void {
  const prototype = controller.prototype as Record<string, unknown>;
  prototype[route.command] = function (
    this: CommandsController,
    request: Request,
    response: Response,
    principal: Principal,
  ) {
    return this.endpoint.handle(route, request, response, principal);
  };
  const descriptor = Object.getOwnPropertyDescriptor(prototype, route.command)!;
  Post(commandPath(route, ID_FIELD[route.category]))(prototype, route.command, descriptor);
  HttpCode(201)(prototype, route.command, descriptor);
  Allow(...route.roles)(prototype, route.command, descriptor);
  Req()(prototype, route.command, 0);
  Res({ passthrough: true })(prototype, route.command, 1);
  CurrentPrincipal()(prototype, route.command, 2);
}

for (const route of COMMAND_ROUTES) addRoute(CommandsController, route);
