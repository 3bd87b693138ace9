import { z } from 'zod';
import { MY_WORK_KINDS, PICKER_KINDS } from '../vocabularies.js';
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
