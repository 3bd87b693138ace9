import type { StreamCategory } from '@presales/domain';

/** The field of a command's data that names its aggregate: `<category>-<that value>` is the stream. */
export const ID_FIELD: Readonly<Record<StreamCategory, string>> = {
  opportunity: 'opportunityId',
  tender: 'tenderId',
  quote: 'quoteId',
  activity: 'activityId',
  consultant: 'consultantId',
  team: 'teamId',
  warroom: 'warRoomId',
  asset: 'assetId',
  gap: 'gapId',
  process: 'area',
  kpi: 'kpiId',
  action: 'actionId',
};
