import type { Answer } from './answer-type.js';
import type * as answers from './answers/workspace.js';

/** The kinds of record a form's reference field picks from (GET /api/workspace/pickers/:kind). */
import { PICKER_KINDS, MY_WORK_KINDS, TENDER_STAGES } from './vocabularies.js';
export { PICKER_KINDS, MY_WORK_KINDS, TENDER_STAGES, TENDER_ENDINGS } from './vocabularies.js';
export type PickerKind = (typeof PICKER_KINDS)[number];

/** One record a picker offers: its id, what a person recognises it by, and the opportunity it belongs to. */
export type PickerOption = Answer<typeof answers.PickerOption>;
/** GET /api/workspace/pickers/:kind */
export type PickerResponse = Answer<typeof answers.PickerResponse>;

export type MyWorkKind = (typeof MY_WORK_KINDS)[number];

export type MyWorkItem = Answer<typeof answers.MyWorkItem>;
/** GET /api/workspace/my-work */
export type MyWorkResponse = Answer<typeof answers.MyWorkResponse>;

export type TenderStage = (typeof TENDER_STAGES)[number];
export type TenderCard = Answer<typeof answers.TenderCard>;
export type WarRoomPanel = Answer<typeof answers.WarRoomPanel>;
export type TeamMemberLoad = Answer<typeof answers.TeamMemberLoad>;
/** GET /api/workspace/tender-board */
export type TenderBoardResponse = Answer<typeof answers.TenderBoardResponse>;
export type TimeSheetRow = Answer<typeof answers.TimeSheetRow>;
/** GET /api/workspace/time-sheet */
export type TimeSheetResponse = Answer<typeof answers.TimeSheetResponse>;
