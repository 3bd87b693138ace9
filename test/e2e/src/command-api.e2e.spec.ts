import SwaggerParser from '@apidevtools/swagger-parser';
import type { AggregateStateResponse, ApiErrorBody, CommandAcceptedResponse } from '@presales/contracts';
import { AGGREGATES } from '@presales/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiFetch,
  bearerFor,
  headPosition,
  json,
  postJson,
  runUntilExit,
  startPlatform,
  tempDataDir,
  type PlatformProcess,
} from './platform-process.js';

const opportunity = (opportunityId: string) => ({
  opportunityId,
  name: `Grid ERP ${opportunityId}`,
  customer: 'State Grid 国家电网',
  industry: 'utilities',
  region: 'East',
  productLines: ['erp'],
  projectType: 'project',
  estimatedValue: { amount: '1200000', currency: 'CNY' },
  salesOwnerId: 'sam',
  occurredAt: '2026-03-02T09:00:00Z',
});

describe('the command API: every command a route, its contract published', () => {
  const data = tempDataDir();
  let platform: PlatformProcess;
  let sam: Record<string, string>;
  const url = (path: string) => `${platform.url}${path.replace(/^\//, '')}`;
  const post = async (path: string, body: unknown, headers: Record<string, string> = sam) =>
    postJson(url(path), body, headers);

  beforeAll(async () => {
    platform = await startPlatform(data.dir);
    sam = await bearerFor(platform.url, 'sales', 'sam');
  }, 120_000);
  afterAll(async () => {
    await platform?.stop();
    data.remove();
  });

  it('publishes an OpenAPI 3.1 document that a maintained validator accepts, with every command as an operation', async () => {
    const document = (await json<Record<string, unknown>>(await fetch(url('api/openapi.json')))) as {
      openapi: string;
      paths: Record<string, Record<string, { operationId: string; 'x-roles': string[] }>>;
    };
    expect(document.openapi).toBe('3.1.0');
    await SwaggerParser.validate(structuredClone(document) as never);
    const operations = Object.values(document.paths).flatMap((methods) => Object.values(methods));
    const operationIds = operations.map((operation) => operation.operationId);
    for (const command of AGGREGATES.flatMap((aggregate) => Object.keys(aggregate.commands)).filter(
      (name) => name !== 'ReceiveTender' && name !== 'PublishKpiDefinition',
    )) {
      expect(operationIds, command).toContain(command);
    }
    expect(new Set(operationIds).size).toBe(operationIds.length);
    expect(document.paths['/api/tenders/{tenderId}/submissions']!['post']).toMatchObject({
      operationId: 'SubmitBid',
      'x-roles': ['sales', 'presales', 'manager', 'admin'],
    });
    const page = await fetch(url('api/docs'));
    expect(await page.text()).toContain('swagger-ui-bundle.js');
    expect((await fetch(url('api/docs/assets/swagger-ui-bundle.js'))).status).toBe(200);
  });

  it('records, reads with an ETag, honours If-Match and answers 409 with the current revision', async () => {
    const registered = await post('api/opportunities', opportunity('O-cmd'));
    expect(registered.status, await registered.clone().text()).toBe(201);
    expect(registered.headers.get('etag')).toBe('"0"');
    expect(await json<CommandAcceptedResponse>(registered)).toMatchObject({
      command: 'RegisterOpportunity',
      streamId: 'opportunity-O-cmd',
      revision: '0',
      projected: true,
      eventIds: [expect.any(String)],
    });

    const read = await apiFetch(url('api/opportunities/O-cmd'), { headers: sam });
    expect(read.headers.get('etag')).toBe('"0"');
    expect((await json<AggregateStateResponse>(read)).state).toMatchObject({ stage: 'lead' });

    const moved = await post(
      'api/opportunities/O-cmd/stage-changes',
      { to: 'discovery' },
      { ...sam, 'if-match': '"0"' },
    );
    expect(moved.status, await moved.clone().text()).toBe(201);
    expect(moved.headers.get('etag')).toBe('"1"');
    const stale = await post(
      'api/opportunities/O-cmd/stage-changes',
      { to: 'solution' },
      { ...sam, 'if-match': '"0"' },
    );
    expect(stale.status).toBe(409);
    expect((await json<ApiErrorBody>(stale)).error.message).toBe(
      'stream opportunity-O-cmd: expected revision 0 but the stream is at 1',
    );
  });

  it('answers without waiting for the analytics tables when the client prefers wait=0 (RFC 7240)', async () => {
    const requirement = {
      requirementId: 'REQ-W0',
      title: 'Audit log export',
      category: 'functional',
      priority: 'should',
      source: 'rfp',
    };
    const quick = await post('api/opportunities/O-cmd/requirements', requirement, { ...sam, prefer: 'wait=0' });
    expect(quick.status, await quick.clone().text()).toBe(201);
    expect(quick.headers.get('preference-applied')).toBe('wait=0');
    expect(typeof (await json<CommandAcceptedResponse>(quick)).projected).toBe('boolean');
    // Without the preference (or with a wait as long as the default) it waits as before, and says nothing.
    const patient = await post(
      'api/opportunities/O-cmd/requirements',
      { ...requirement, requirementId: 'REQ-W1' },
      { ...sam, prefer: 'wait=5' },
    );
    expect(patient.status).toBe(201);
    expect(patient.headers.get('preference-applied')).toBeNull();
    expect((await json<CommandAcceptedResponse>(patient)).projected).toBe(true);
  });

  it('answers a retried request with the same Idempotency-Key with the first answer, appending nothing', async () => {
    const requirement = {
      requirementId: 'REQ-1',
      title: "Single sign-on with the customer's AD",
      category: 'non_functional',
      priority: 'must',
      source: 'meeting',
    };
    const headers = { ...sam, 'idempotency-key': 'capture-REQ-1' };
    const first = await post('api/opportunities/O-cmd/requirements', requirement, headers);
    expect(first.status).toBe(201);
    const head = await headPosition(platform.url);
    const again = await post('api/opportunities/O-cmd/requirements', requirement, headers);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await json(again)).toEqual(await json(first));
    expect(await headPosition(platform.url)).toBe(head);
    const reused = await post(
      'api/opportunities/O-cmd/requirements',
      { ...requirement, requirementId: 'REQ-2' },
      headers,
    );
    expect(reused.status).toBe(422);
    // Also after a restart: the receipt is on disk.
    await platform.stop();
    platform = await startPlatform(data.dir);
    const afterRestart = await post('api/opportunities/O-cmd/requirements', requirement, headers);
    expect(afterRestart.status).toBe(201);
    expect(afterRestart.headers.get('idempotent-replayed')).toBe('true');
    expect(await headPosition(platform.url)).toBe(head);
  }, 120_000);

  it('maps errors: 400 with every invalid field, 404 for an unknown record, 422 for a rule, 403 for a record that is not yours', async () => {
    const invalid = await post('api/opportunities/O-cmd/requirements', {
      requirementId: 'bad id',
      title: '',
      category: 'wishlist',
    });
    expect(invalid.status).toBe(400);
    const body = await json<ApiErrorBody>(invalid);
    expect(body.error.issues!.map((issue) => issue.path).sort()).toEqual(
      ['priority', 'category', 'requirementId', 'source', 'title'].sort(),
    );
    const unknown = await post(
      'api/tenders/T-nowhere/submissions',
      { documentSha256: 'a'.repeat(64), channel: 'portal' },
      await bearerFor(platform.url, 'manager'),
    );
    expect(unknown.status).toBe(404);
    const twice = await post('api/opportunities', opportunity('O-cmd'));
    expect(twice.status).toBe(422);
    // Impossible timelines: a fact before the record began, a deadline before the receipt.
    const early = await post('api/opportunities/O-cmd/requirements', {
      requirementId: 'REQ-early',
      title: 'Audit log',
      category: 'compliance',
      priority: 'must',
      source: 'rfp',
      occurredAt: '2026-01-05T00:00:00Z',
    });
    expect(early.status).toBe(422);
    const earlyError = (await json<ApiErrorBody>(early)).error;
    expect(earlyError.message).toBe(
      'opportunity-O-cmd: CaptureRequirement at 2026-01-05T00:00:00Z is before the record began (OpportunityRegistered at 2026-03-02T09:00:00Z): a fact cannot precede the record it belongs to',
    );
    // The time the client gave is the field to change, so a form can show the rule there.
    expect(earlyError.fields).toEqual(['occurredAt']);
    const backwards = await post('api/tenders', {
      tenderId: 'T-backwards',
      opportunityId: 'O-cmd',
      kind: 'rfp',
      issuer: 'Grid',
      deadline: '2026-03-01T00:00:00Z',
      receivedAt: '2026-03-10T00:00:00Z',
    });
    expect(backwards.status).toBe(422);
    expect((await json<ApiErrorBody>(backwards)).error.message).toContain(
      'its deadline 2026-03-01T00:00:00Z is not after its receipt 2026-03-10T00:00:00Z',
    );
    const notSams = await post(
      'api/opportunities',
      { ...opportunity('O-other'), salesOwnerId: 'someone-else' },
      await bearerFor(platform.url, 'manager'),
    );
    expect(notSams.status).toBe(201);
    const refused = await post('api/opportunities/O-other/stage-changes', { to: 'discovery' });
    expect(refused.status).toBe(403);
    const mismatch = await post('api/opportunities/O-cmd/stage-changes', { opportunityId: 'O-other', to: 'solution' });
    expect(mismatch.status).toBe(400);
    const notJson = await apiFetch(url('api/opportunities/O-cmd/stage-changes'), {
      method: 'POST',
      headers: { ...sam, 'content-type': 'application/json' },
      body: '[1,2',
    });
    expect(notJson.status).toBe(400);
  });

  it('records any command from the CLI by name, through the published contract', async () => {
    const recorded = await runUntilExit([
      'record',
      'RecordTechnicalDecision',
      '--json',
      JSON.stringify({ opportunityId: 'O-cmd', outcome: 'technical_win', reason: 'PoC passed' }),
      '--url',
      platform.url,
    ]);
    expect(recorded.code, recorded.output).toBe(0);
    expect(recorded.output).toMatch(/recorded RecordTechnicalDecision in opportunity-O-cmd at revision \d+/);
    const unknown = await runUntilExit(['record', 'BakeCake', '--json', '{}', '--url', platform.url]);
    expect(unknown.code).toBe(2);
    expect(unknown.output).toContain('the platform has no command BakeCake');
  });
});
