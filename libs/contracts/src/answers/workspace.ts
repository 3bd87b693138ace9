import { z } from 'zod';
import { MY_WORK_KINDS, PICKER_KINDS, TENDER_ENDINGS, TENDER_STAGES } from '../vocabularies.js';
import { UtcTime } from './common.js';

/** One record a picker offers: its id, what a person recognises it by, and the opportunity it belongs to. */
export const PickerOption = z.object({
  id: z.string(),
  label: z.string(),
  opportunityId: z.string().nullable(),
  productLine: z.string().nullable().meta({
    description: "the product line it is about (an opportunity's first), a form's default for its assessments",
  }),
});

/** GET /api/workspace/pickers/:kind */
export const PickerResponse = z.object({
  kind: z.enum(PICKER_KINDS),
  options: z.array(PickerOption),
  more: z.boolean().meta({ description: 'whether more match than this page holds (ask again with offset)' }),
});

export const MyWorkItem = z.object({
  kind: z.enum(MY_WORK_KINDS),
  streamId: z
    .string()
    .meta({ description: 'the record the item is about: `opportunity-…`, `tender-…`, `quote-…`, `activity-…`' }),
  itemId: z
    .string()
    .meta({ description: "the item within it (a request, section, question, revision), or the record's own id" }),
  opportunityId: z.string().nullable(),
  detail: z
    .string()
    .meta({ description: "the domain's word for what it is (a support kind, a section title, an activity kind)" }),
  dueAt: UtcTime.nullable(),
  overdue: z.boolean(),
  command: z.string().meta({ description: 'the command that settles it' }),
  prefill: z.record(z.string(), z.string()).meta({ description: 'the fields the form starts with' }),
});

/** GET /api/workspace/my-work */
export const MyWorkResponse = z.object({
  personId: z.string(),
  asOf: UtcTime,
  items: z.array(MyWorkItem).meta({ description: 'overdue first, then by due time; items without a due time last' }),
  counts: z.record(z.enum(MY_WORK_KINDS), z.number()),
  week: z
    .object({
      from: z.string(),
      totalHours: z.number(),
      days: z.array(z.object({ date: z.string(), hours: z.number() })),
    })
    .meta({ description: "this ISO week (Monday, UTC) of the person's own time log" }),
});

/** One member of a war room and their load: hours logged in the last 7 days against their weekly capacity. */
export const WarRoomMember = z.object({
  consultantId: z.string(),
  name: z.string().meta({ description: "the consultant's name, or the id when no consultant record has it" }),
  commander: z.boolean(),
  hoursLast7Days: z.number(),
  weeklyCapacityHours: z.number().nullable(),
});

/** An open war room of a tender: who is in it, their load, and the deadline they work towards (the tender's). */
export const WarRoomPanel = z.object({
  warRoomId: z.string(),
  allocationPct: z.number(),
  members: z.array(WarRoomMember),
});

export const TenderCard = z.object({
  tenderId: z.string(),
  opportunityId: z.string(),
  issuer: z.string(),
  kind: z.string(),
  deadline: UtcTime,
  stage: z.enum(TENDER_STAGES),
  ending: z.enum(TENDER_ENDINGS).nullable().meta({ description: 'how it ended, in the `outcome` column only' }),
  sections: z.object({ assigned: z.number(), drafted: z.number() }),
  reviews: z.number(),
  warRoom: WarRoomPanel.nullable(),
});

/** One consultant in the peacetime team view: their load, and the tenders they are writing for. */
export const TeamMemberLoad = z.object({
  consultantId: z.string(),
  name: z.string(),
  teamId: z.string().meta({ description: 'the team the consultant was onboarded into' }),
  hoursLast7Days: z.number(),
  weeklyCapacityHours: z.number(),
  tenders: z.array(z.object({ tenderId: z.string(), sections: z.number() })).meta({
    description:
      'tenders on the board still being answered (not submitted or ended) where the consultant has response sections assigned, by deadline',
  }),
});

/** GET /api/workspace/tender-board */
export const TenderBoardResponse = z.object({
  asOf: UtcTime,
  tenders: z.array(TenderCard).meta({
    description: 'tenders whose deadline is at most 30 days past, by deadline; each in the stage it has reached',
  }),
  team: z.array(TeamMemberLoad).meta({
    description:
      'the peacetime view: every consultant not offboarded, by team and name, with hours logged in the last 7 days and the open tenders they have sections in',
  }),
});

/** One row of a time sheet: the hours of one opportunity (or none) and category, per day of the week. */
export const TimeSheetRow = z.object({
  opportunityId: z.string().nullable(),
  category: z.string(),
  hours: z.array(z.number()).meta({ description: 'Monday to Sunday' }),
});

/** GET /api/workspace/time-sheet */
export const TimeSheetResponse = z.object({
  consultantId: z.string(),
  from: z.string().meta({ description: 'the Monday of the week, YYYY-MM-DD (UTC)' }),
  days: z.array(z.string()).meta({ description: 'the seven dates, Monday to Sunday' }),
  rows: z.array(TimeSheetRow),
});
