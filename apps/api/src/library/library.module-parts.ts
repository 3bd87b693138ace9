import { LibraryController } from './library.controller.js';
import { STALE_AFTER_MONTHS, staleAfterMonthsFrom } from './library-config.js';
import { StaffingController } from '../staffing/staffing.controller.js';
import { ManagedTeams } from '../staffing/managed-teams.js';

/** The knowledge library and staffing (issue 24): their controllers and what they inject. */
export const LIBRARY_CONTROLLERS = [LibraryController, StaffingController];
export const LIBRARY_PROVIDERS = [
  ManagedTeams,
  { provide: STALE_AFTER_MONTHS, useFactory: () => staleAfterMonthsFrom(process.env) },
];
