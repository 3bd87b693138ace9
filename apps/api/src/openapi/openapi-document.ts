import { ApiErrorBody, CommandAcceptedResponse } from '@presales/contracts/answers';
import { aggregateFor, IsoUtcTime } from '@presales/domain';
import type { RouteAccess } from '../auth/access/route-table.js';
import { ID_FIELD } from '../commands/aggregate-ids.js';
import { COMMAND_ROUTES, type CommandRoute } from '../commands/command-routes.js';
import { jsonSchemaOf, type JsonSchema } from './json-schema-of.js';
import { parametersOf, requestBodyOf, successOf } from './published-operation.js';

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

/** The command's whole schema, its aggregate id included. */
function commandSchema(route: CommandRoute): JsonSchema {
  return jsonSchemaOf(aggregateFor(route.category).commands[route.command]!);
}

/** The aggregate id's schema, as the command validates it (a KPI's id is snake_case, others are Ids). */
export function commandIdSchema(route: CommandRoute): JsonSchema {
  return (
    ((commandSchema(route)['properties'] as Record<string, JsonSchema> | undefined) ?? {})[
      ID_FIELD[route.category]
    ] ?? { type: 'string' }
  );
}

/** The command's request body: its schema without the id the path carries, plus the fact's business time. */
export function commandRequestSchema(route: CommandRoute): JsonSchema {
  const body = commandSchema(route);
  const properties = { ...((body['properties'] as JsonSchema | undefined) ?? {}) };
  let required = [...((body['required'] as string[] | undefined) ?? [])];
  if (route.action !== undefined) {
    delete properties[ID_FIELD[route.category]];
    required = required.filter((field) => field !== ID_FIELD[route.category]);
  }
  properties['occurredAt'] = {
    ...jsonSchemaOf(IsoUtcTime),
    description: 'when the fact happened (UTC, Z); default: now. Back-dated facts are allowed.',
  };
  return { ...body, properties, required };
}

function operationFor(route: RouteAccess): JsonSchema {
  const command = COMMAND_ROUTES.find(
    (candidate) => candidate.command === route.handler && route.controller === 'CommandsController',
  );
  const roles = route.rule === undefined ? [] : route.rule.kind === 'public' ? ['anyone'] : [...route.rule.roles];
  const parameters = parametersOf(route);
  const security = route.rule?.kind === 'public' ? [] : [{ bearer: [] }, { session: [] }];
  const common = {
    operationId:
      command?.command ??
      route.published?.operationId ??
      `${route.controller.replace(/Controller$/, '')}_${route.handler}`,
    tags: [route.path.split('/')[2] ?? 'api'],
    'x-roles': roles,
    security,
    parameters,
  };
  const denied =
    route.rule?.kind === 'public'
      ? {}
      : {
          '401': errorResponse('not signed in, or the token expired or was revoked'),
          '403': errorResponse('the role may not do this, or the record is not yours'),
        };
  if (command === undefined) {
    const requestBody = requestBodyOf(route);
    return {
      ...common,
      summary: route.published?.summary ?? `${route.method} ${route.path}`,
      description: `Roles: ${roles.join(', ')}. See README's API table.`,
      ...(requestBody === undefined ? {} : { requestBody }),
      responses: {
        ...successOf(route),
        '400': errorResponse('a parameter or the body is not valid: every invalid field, its value and the rule'),
        ...denied,
        ...Object.fromEntries(
          Object.entries(route.published?.refusals ?? {}).map(([status, why]) => [status, errorResponse(why)]),
        ),
      },
    };
  }
  return {
    ...common,
    summary: command.summary,
    description: `Records ${command.command}. Roles: ${roles.join(', ')}${command.involvement === 'opportunity' ? ' (sales and presales: only opportunities they are involved in)' : command.involvement === 'own-consultant' ? ' (presales: only their own record)' : ''}.`,
    parameters: [
      ...parameters.map((parameter) => ({ ...parameter, schema: commandIdSchema(command) })),
      {
        name: 'If-Match',
        in: 'header',
        required: false,
        schema: { type: 'string' },
        description: 'the ETag (revision) you read; 409 when the record changed since',
      },
      {
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        schema: { type: 'string', pattern: '^[A-Za-z0-9_.:-]{1,200}$' },
        description: 'a retry with the same key returns the first answer and records nothing',
      },
      {
        name: 'Prefer',
        in: 'header',
        required: false,
        schema: { type: 'string', examples: ['wait=0'] },
        description:
          'RFC 7240 `wait=<seconds>`: how long the answer may wait for the analytics tables to have the event (default and at most 2 s); `wait=0` answers once it is stored, and `projected` says whether it is readable yet',
      },
    ],
    requestBody: { required: true, content: { 'application/json': { schema: commandRequestSchema(command) } } },
    responses: {
      '201': {
        description: 'recorded',
        headers: {
          ETag: { schema: { type: 'string' }, description: "the stream's new revision" },
          'Preference-Applied': {
            schema: { type: 'string' },
            description: 'the `wait` preference, when one was honoured',
          },
        },
        content: { 'application/json': { schema: { $ref: '#/components/schemas/CommandAccepted' } } },
      },
      '400': errorResponse('the body is not valid: every invalid field, its value and the rule'),
      ...denied,
      '404': errorResponse('the record the command is addressed to does not exist'),
      '409': errorResponse('If-Match names another revision than the current one, or a concurrent write won'),
      '422': errorResponse('a rule of the domain refuses it (e.g. a submission before the tender was received)'),
    },
  };
}

/** OpenAPI 3.1 of every route, generated from the route table and the domain's own schemas. */
export function openApiDocument(routes: readonly RouteAccess[], version: string): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:([A-Za-z]+)/g, '{$1}');
    (paths[path] ??= {})[route.method.toLowerCase()] = operationFor(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Presales Ledger API',
      version,
      description:
        'Every presales fact recorded as an immutable event; KPIs, maturity and audit derived from them. Sign in: docs/sign-in.md.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: {
        Error: jsonSchemaOf(ApiErrorBody, 'output'),
        CommandAccepted: jsonSchemaOf(CommandAcceptedResponse, 'output'),
      },
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'an API token (psl_…)' },
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'presales_session',
          description: "the dashboard's session; send X-CSRF-Token on changes",
        },
      },
    },
  };
}
