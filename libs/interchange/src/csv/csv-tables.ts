import { createHash } from 'node:crypto';
import type { Actor } from '@presales/domain';

/**
 * The three tables presales teams keep in spreadsheets today, each a list of the fields a row
 * may map to and how a mapped row becomes an import line (DOMAIN.md line format). Values stay as
 * the spreadsheet wrote them except where the event takes a number or a list; the domain's
 * schema then judges them, so a bad cell is reported with its field, value and rule.
 */
export interface CsvTable {
  readonly name: CsvTableName;
  readonly fields: readonly string[];
  readonly required: readonly string[];
  toLine(row: Readonly<Record<string, string>>, actor: Actor): Record<string, unknown>;
}

export const CSV_TABLE_NAMES = ['opportunities', 'consultants', 'time-logs'] as const;
export type CsvTableName = (typeof CSV_TABLE_NAMES)[number];

/** `erp; crm` or `erp|crm` → ['erp', 'crm']. */
function list(text: string | undefined): string[] {
  return text === undefined || text.trim() === ''
    ? []
    : text
        .split(/[;|]/)
        .map((item) => item.trim())
        .filter((item) => item !== '');
}

/** A number when the cell is one, else the text itself, so the schema names the bad value. */
function numeric(text: string | undefined): number | string | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const value = Number(text.trim());
  return Number.isFinite(value) ? value : text;
}

/** A date cell `2025-03-01` becomes a time at the start of that day; a full ISO time is kept. */
function timeOf(text: string | undefined, fallbackDate?: string): string | undefined {
  const value = text?.trim() || fallbackDate;
  if (value === undefined) return undefined;
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value;
}

function optional<T>(key: string, value: T | undefined): Record<string, T> {
  return value === undefined || value === '' ? {} : { [key]: value };
}

function metadata(occurredAt: string | undefined, actor: Actor): Record<string, unknown> {
  return { occurredAt, actor, source: 'csv' };
}

const opportunities: CsvTable = {
  name: 'opportunities',
  fields: [
    'opportunityId',
    'name',
    'customer',
    'industry',
    'region',
    'productLines',
    'projectType',
    'estimatedValue',
    'currency',
    'salesOwnerId',
    'registeredAt',
  ],
  required: ['opportunityId', 'name', 'customer', 'registeredAt'],
  toLine: (row, actor) => ({
    stream: `opportunity-${row['opportunityId'] ?? ''}`,
    type: 'OpportunityRegistered',
    data: {
      opportunityId: row['opportunityId'],
      name: row['name'],
      customer: row['customer'],
      industry: row['industry'],
      region: row['region'],
      productLines: list(row['productLines']),
      projectType: row['projectType'],
      estimatedValue: { amount: row['estimatedValue']?.trim(), currency: row['currency']?.trim() },
      salesOwnerId: row['salesOwnerId'],
    },
    metadata: metadata(timeOf(row['registeredAt']), actor),
  }),
};

const consultants: CsvTable = {
  name: 'consultants',
  fields: [
    'consultantId',
    'name',
    'teamId',
    'level',
    'productLines',
    'skills',
    'weeklyCapacityHours',
    'hourlyCost',
    'currency',
    'onboardedAt',
  ],
  required: ['consultantId', 'name', 'onboardedAt'],
  toLine: (row, actor) => ({
    stream: `consultant-${row['consultantId'] ?? ''}`,
    type: 'ConsultantOnboarded',
    data: {
      consultantId: row['consultantId'],
      name: row['name'],
      teamId: row['teamId'],
      level: row['level'],
      productLines: list(row['productLines']),
      skills: list(row['skills']),
      weeklyCapacityHours: numeric(row['weeklyCapacityHours']),
      hourlyCost: { amount: row['hourlyCost']?.trim(), currency: row['currency']?.trim() },
    },
    metadata: metadata(timeOf(row['onboardedAt']), actor),
  }),
};

/**
 * Spreadsheets rarely number their time entries: without an entryId column, the entry's id is
 * a hash of the row's content, so importing the same sheet twice still records each entry once.
 */
function entryIdOf(row: Readonly<Record<string, string>>): string {
  const content = ['consultantId', 'date', 'hours', 'category', 'opportunityId', 'activityId']
    .map((field) => row[field] ?? '')
    .join('\u001f');
  return `te-${createHash('sha256').update(content).digest('hex').slice(0, 24)}`;
}

const timeLogs: CsvTable = {
  name: 'time-logs',
  fields: ['consultantId', 'entryId', 'date', 'hours', 'category', 'opportunityId', 'activityId', 'loggedAt'],
  required: ['consultantId', 'date', 'hours', 'category'],
  toLine: (row, actor) => ({
    stream: `consultant-${row['consultantId'] ?? ''}`,
    type: 'TimeLogged',
    data: {
      entryId: row['entryId']?.trim() || entryIdOf(row),
      date: row['date']?.trim(),
      hours: numeric(row['hours']),
      category: row['category']?.trim(),
      ...optional('opportunityId', row['opportunityId']?.trim()),
      ...optional('activityId', row['activityId']?.trim()),
    },
    // A time entry is a fact of its day: without a loggedAt column it occurred at the end of that day.
    metadata: metadata(
      row['loggedAt']?.trim() || (row['date'] === undefined ? undefined : `${row['date'].trim()}T18:00:00Z`),
      actor,
    ),
  }),
};

export const CSV_TABLES: Readonly<Record<CsvTableName, CsvTable>> = {
  opportunities,
  consultants,
  'time-logs': timeLogs,
};

export function isCsvTableName(name: string): name is CsvTableName {
  return (CSV_TABLE_NAMES as readonly string[]).includes(name);
}
