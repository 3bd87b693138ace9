import { col } from '../fact-columns.js';
import { factTable } from '../fact-table.js';

/** team-<id> and warroom-<id> (DOMAIN.md): peacetime teams and wartime war rooms. */
export const ORGANISATION_FACTS = [
  factTable('TeamFormed', 'team_formed', [
    col.text('team_id', 'teamId'),
    col.text('name', 'name'),
    col.text('manager_id', 'managerId'),
    col.list('product_lines', 'productLines'),
  ]),
  factTable('TeamMemberAdded', 'team_member_added', [col.text('consultant_id', 'consultantId')]),
  factTable('TeamMemberRemoved', 'team_member_removed', [col.text('consultant_id', 'consultantId')]),
  factTable('WarRoomOpened', 'war_room_opened', [
    col.text('war_room_id', 'warRoomId'),
    col.text('opportunity_id', 'opportunityId'),
    col.text('tender_id', 'tenderId'),
    col.text('commander_id', 'commanderId'),
    col.list('member_ids', 'memberIds'),
    col.number('allocation_pct', 'allocationPct'),
    col.text('reason', 'reason'),
  ]),
  factTable('WarRoomMemberJoined', 'war_room_member_joined', [col.text('consultant_id', 'consultantId')]),
  factTable('WarRoomMemberLeft', 'war_room_member_left', [col.text('consultant_id', 'consultantId')]),
  factTable('WarRoomClosed', 'war_room_closed', [col.text('outcome', 'outcome')]),
];
