import type { z } from 'zod';
import { ACTION_COMMAND_SCHEMAS } from '../action/action.commands.js';
import { correctiveActionDecider } from '../action/action.decider.js';
import { ACTION_EVENT_SCHEMAS } from '../action/action.events.js';
import { ACTIVITY_COMMAND_SCHEMAS } from '../activity/activity.commands.js';
import { activityDecider } from '../activity/activity.decider.js';
import { ACTIVITY_EVENT_SCHEMAS } from '../activity/activity.events.js';
import { ASSET_COMMAND_SCHEMAS } from '../asset/asset.commands.js';
import { knowledgeAssetDecider } from '../asset/asset.decider.js';
import { ASSET_EVENT_SCHEMAS } from '../asset/asset.events.js';
import { CONSULTANT_COMMAND_SCHEMAS } from '../consultant/consultant.commands.js';
import { consultantDecider } from '../consultant/consultant.decider.js';
import { CONSULTANT_EVENT_SCHEMAS } from '../consultant/consultant.events.js';
import { GAP_COMMAND_SCHEMAS } from '../gap/gap.commands.js';
import { productGapDecider } from '../gap/gap.decider.js';
import { GAP_EVENT_SCHEMAS } from '../gap/gap.events.js';
import { KPI_COMMAND_SCHEMAS } from '../kpi/kpi.commands.js';
import { kpiDecider } from '../kpi/kpi.decider.js';
import { KPI_EVENT_SCHEMAS } from '../kpi/kpi.events.js';
import { OPPORTUNITY_COMMAND_SCHEMAS } from '../opportunity/opportunity.commands.js';
import { opportunityDecider } from '../opportunity/opportunity.decider.js';
import { OPPORTUNITY_EVENT_SCHEMAS } from '../opportunity/opportunity.events.js';
import { PROCESS_COMMAND_SCHEMAS } from '../process/process.commands.js';
import { processStandardDecider } from '../process/process.decider.js';
import { PROCESS_EVENT_SCHEMAS } from '../process/process.events.js';
import { QUOTE_COMMAND_SCHEMAS } from '../quote/quote.commands.js';
import { quoteDecider } from '../quote/quote.decider.js';
import { QUOTE_EVENT_SCHEMAS } from '../quote/quote.events.js';
import type { Aggregate } from '../shared/aggregate.js';
import type { StreamCategory } from '../shared/streams.js';
import { TEAM_COMMAND_SCHEMAS } from '../team/team.commands.js';
import { teamDecider } from '../team/team.decider.js';
import { TEAM_EVENT_SCHEMAS } from '../team/team.events.js';
import { TENDER_COMMAND_SCHEMAS } from '../tender/tender.commands.js';
import { tenderDecider } from '../tender/tender.decider.js';
import { TENDER_EVENT_SCHEMAS } from '../tender/tender.events.js';
import { WARROOM_COMMAND_SCHEMAS } from '../warroom/warroom.commands.js';
import { warRoomDecider } from '../warroom/warroom.decider.js';
import { WARROOM_EVENT_SCHEMAS } from '../warroom/warroom.events.js';

/** What the catalog, import and the docs need to know about one aggregate. */
export interface AggregateEntry {
  readonly category: StreamCategory;
  /** What one stream of the category holds, as DOMAIN.md's headings say it. */
  readonly summary: string;
  /** What `<id>` in `<category>-<id>` is. */
  readonly streamId: string;
  /** The event that starts a stream; nothing may come before it. */
  readonly createdBy: string;
  readonly decider: Aggregate<never, { readonly type: string; readonly data: object }, unknown>;
  readonly events: Readonly<Record<string, { readonly schema: z.ZodType; readonly schemaVersion: number }>>;
  readonly commands: Readonly<Record<string, z.ZodType>>;
}

/** Every aggregate of DOMAIN.md, in the order of STREAM_CATEGORIES. */
export const AGGREGATES: readonly AggregateEntry[] = [
  entry(
    'opportunity',
    'a deal that may need presales support, with its requirements and support requests',
    'opportunityId',
    'OpportunityRegistered',
    opportunityDecider,
    OPPORTUNITY_EVENT_SCHEMAS,
    OPPORTUNITY_COMMAND_SCHEMAS,
  ),
  entry(
    'tender',
    'an RFI / RFP / RFQ / public tender and our response (招投标)',
    'tenderId',
    'TenderReceived',
    tenderDecider,
    TENDER_EVENT_SCHEMAS,
    TENDER_COMMAND_SCHEMAS,
  ),
  entry(
    'quote',
    'quotation engineering (报价工程)',
    'quoteId',
    'QuoteDrafted',
    quoteDecider,
    QUOTE_EVENT_SCHEMAS,
    QUOTE_COMMAND_SCHEMAS,
  ),
  entry(
    'activity',
    'a customer-facing presales activity (售前沟通)',
    'activityId',
    'ActivityScheduled',
    activityDecider,
    ACTIVITY_EVENT_SCHEMAS,
    ACTIVITY_COMMAND_SCHEMAS,
  ),
  entry(
    'consultant',
    'a presales consultant or engineer: assignments, time, skills, growth',
    'consultantId',
    'ConsultantOnboarded',
    consultantDecider,
    CONSULTANT_EVENT_SCHEMAS,
    CONSULTANT_COMMAND_SCHEMAS,
  ),
  entry(
    'team',
    'a team: peacetime organisation',
    'teamId',
    'TeamFormed',
    teamDecider,
    TEAM_EVENT_SCHEMAS,
    TEAM_COMMAND_SCHEMAS,
  ),
  entry(
    'warroom',
    'a war room: wartime organisation pulling consultants across teams for one big bid',
    'warRoomId',
    'WarRoomOpened',
    warRoomDecider,
    WARROOM_EVENT_SCHEMAS,
    WARROOM_COMMAND_SCHEMAS,
  ),
  entry(
    'asset',
    'a knowledge asset',
    'assetId',
    'KnowledgeAssetPublished',
    knowledgeAssetDecider,
    ASSET_EVENT_SCHEMAS,
    ASSET_COMMAND_SCHEMAS,
  ),
  entry(
    'gap',
    'a product gap',
    'gapId',
    'ProductGapIdentified',
    productGapDecider,
    GAP_EVENT_SCHEMAS,
    GAP_COMMAND_SCHEMAS,
  ),
  entry(
    'process',
    'the process standard of one maturity area',
    'the maturity area, e.g. `process-bid`',
    'ProcessStandardPublished',
    processStandardDecider,
    PROCESS_EVENT_SCHEMAS,
    PROCESS_COMMAND_SCHEMAS,
  ),
  entry(
    'kpi',
    'a KPI: its versioned definition and its targets (PDCA plan)',
    'the KPI id, e.g. `kpi-win_rate`',
    'KpiDefinitionPublished',
    kpiDecider,
    KPI_EVENT_SCHEMAS,
    KPI_COMMAND_SCHEMAS,
  ),
  entry(
    'action',
    'a corrective action (PDCA act)',
    'actionId',
    'CorrectiveActionRaised',
    correctiveActionDecider,
    ACTION_EVENT_SCHEMAS,
    ACTION_COMMAND_SCHEMAS,
  ),
];

function entry<C, E extends { readonly type: string; readonly data: object }, S>(
  category: StreamCategory,
  summary: string,
  streamId: string,
  createdBy: E['type'],
  decider: Aggregate<C, E, S>,
  events: AggregateEntry['events'],
  commands: AggregateEntry['commands'],
): AggregateEntry {
  return {
    category,
    summary,
    streamId,
    createdBy,
    decider: decider as unknown as AggregateEntry['decider'],
    events,
    commands,
  };
}

/** The aggregate whose streams are `<category>-…`. */
export function aggregateFor(category: StreamCategory): AggregateEntry {
  const found = AGGREGATES.find((aggregate) => aggregate.category === category);
  if (found === undefined) throw new Error(`no aggregate for stream category ${category}`);
  return found;
}
