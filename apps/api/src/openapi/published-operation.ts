import type { RouteAccess } from '../auth/access/route-table.js';
import { jsonSchemaOf, type JsonSchema } from './json-schema-of.js';

/** Ids in paths: what EntityId allows, unless the route publishes its own parameter schema. */
const ANY_ID: JsonSchema = { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' };

/** The route's parameters: each path parameter, then each query parameter of its published schema. */
export function parametersOf(route: RouteAccess): JsonSchema[] {
  const params = route.published?.params === undefined ? {} : propertiesOf(jsonSchemaOf(route.published.params));
  const path = [...route.path.matchAll(/:([A-Za-z]+)/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: params[name!] ?? ANY_ID,
  }));
  if (route.published?.query === undefined) return path;
  const query = jsonSchemaOf(route.published.query);
  const required = new Set((query['required'] as string[] | undefined) ?? []);
  return [
    ...path,
    ...Object.entries(propertiesOf(query)).map(([name, schema]) => ({
      name,
      in: 'query',
      required: required.has(name),
      schema,
      ...describedBy(schema),
    })),
  ];
}

/** The JSON body the route reads, when it publishes one, without the fields its path carries (as a command's id). */
export function requestBodyOf(route: RouteAccess): JsonSchema | undefined {
  if (route.published?.body === undefined) return undefined;
  const schema = jsonSchemaOf(route.published.body);
  const inPath = new Set([...route.path.matchAll(/:([A-Za-z]+)/g)].map(([, name]) => name!));
  const properties = Object.fromEntries(Object.entries(propertiesOf(schema)).filter(([name]) => !inPath.has(name)));
  const required = ((schema['required'] as string[] | undefined) ?? []).filter((name) => !inPath.has(name));
  const body = schema['properties'] === undefined ? schema : { ...schema, properties, required };
  return { required: true, content: { 'application/json': { schema: body } } };
}

/** The successful answer: its status (`@HttpCode`, else 200) and, when published, its schema. */
export function successOf(route: RouteAccess): Record<string, JsonSchema> {
  const status = String(route.status ?? 200);
  const published = route.published;
  if (published?.produces !== undefined) {
    // Bytes the route writes as they are (a file, a page, canonical JSON hashed as sent): JSON of no published shape, or text.
    const schema = published.produces.startsWith('application/json') ? {} : { type: 'string' };
    return { [status]: { description: 'the answer', content: { [published.produces]: { schema } } } };
  }
  if (published?.response === undefined) return { [status]: { description: 'the answer' } };
  return {
    [status]: {
      description: 'the answer',
      content: { 'application/json': { schema: jsonSchemaOf(published.response, 'output') } },
    },
  };
}

function propertiesOf(schema: JsonSchema): Record<string, JsonSchema> {
  return (schema['properties'] as Record<string, JsonSchema> | undefined) ?? {};
}

/** A parameter's description sits beside its schema in OpenAPI, where Swagger UI shows it. */
function describedBy(schema: JsonSchema): JsonSchema {
  return typeof schema['description'] === 'string' ? { description: schema['description'] } : {};
}
