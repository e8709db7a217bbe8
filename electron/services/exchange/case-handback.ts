import { systemActor } from '../audit/append';
import { mutate, type Services } from '../core/context';
import {
  carrySignoffs,
  localUser,
  remoteStaffId,
  type LocalRefs,
  type RemoteCase,
} from './case-adopt';

/**
 * A case handed back: this station handed its case on (A → B), and the station working it now
 * hands it back (B → A). This station's own case is reopened rather than a second one opened
 * beside it: it is held here again (`transferred_to` cleared), in the state the other station
 * left it, with the other station's answers, history entries and sign-offs added to its own,
 * each entry naming the station and person who made it. `transferred_from_*` name the case it
 * came back from, so the hand-back is not taken again, and stations that import this one's
 * bundle see where it came from (CaseHolding).
 */
export function reopenHandedBack(
  services: Services,
  c: RemoteCase,
  refs: LocalRefs,
  caseId: number,
): void {
  const { db, clock } = services;
  const now = clock.now().toISOString();
  const assignee = localUser(db, remoteStaffId(db, c.station_id, c.assignee_user_id));
  mutate({ services, actor: systemActor }, () => {
    db.prepare(
      `UPDATE cases SET (template_id, template_version, state, state_entered_at, recheck_at,
                         kev_review_catalog) =
             (SELECT template_id, template_version, state, state_entered_at, recheck_at,
                     kev_review_catalog
                FROM station_cases WHERE station_id = ? AND id = ?),
              advisory_revision_id = ?, assignee_user_id = ?, updated_at = ?,
              transferred_to = NULL, transferred_from_station = ?, transferred_from_case = ?
        WHERE id = ?`,
    ).run(c.station_id, c.id, refs.revision, assignee, now, c.station_id, c.id, caseId);
    // The answers as the other station left them: changed ones replaced, cleared ones removed.
    db.prepare(
      `DELETE FROM case_answers WHERE case_id = ? AND NOT EXISTS
         (SELECT 1 FROM station_case_answers a WHERE a.station_id = ? AND a.case_id = ?
             AND a.section_id = case_answers.section_id AND a.item_id = case_answers.item_id)`,
    ).run(caseId, c.station_id, c.id);
    db.prepare(
      `INSERT INTO case_answers (case_id, section_id, item_id, value, answered_by, answered_role,
         answered_at, station_name, answered_by_name)
       SELECT ?, a.section_id, a.item_id, a.value, NULL, a.answered_role, a.answered_at,
              coalesce(a.station_name, ?), coalesce(a.answered_by_name, u.display_name)
         FROM station_case_answers a
         LEFT JOIN station_users u ON u.station_id = a.station_id AND u.id = a.answered_by
        WHERE a.station_id = ? AND a.case_id = ?
          AND NOT EXISTS (SELECT 1 FROM case_answers l WHERE l.case_id = ?
                AND l.section_id = a.section_id AND l.item_id = a.item_id
                AND l.value = a.value AND l.answered_at = a.answered_at)
       ON CONFLICT (case_id, section_id, item_id) DO UPDATE SET value = excluded.value,
         answered_by = NULL, answered_role = excluded.answered_role,
         answered_at = excluded.answered_at, station_name = excluded.station_name,
         answered_by_name = excluded.answered_by_name`,
    ).run(caseId, c.station_name, c.station_id, c.id, caseId);
    // Its history goes on with the other station's entries; those copied from here are here.
    db.prepare(
      `INSERT INTO case_history (case_id, event, from_state, to_state, at, user_id, role, detail,
         station_name, user_name)
       SELECT ?, h.event, h.from_state, h.to_state, h.at, NULL, h.role, h.detail,
              coalesce(h.station_name, ?), coalesce(h.user_name, u.display_name)
         FROM station_case_history h
         LEFT JOIN station_users u ON u.station_id = h.station_id AND u.id = h.user_id
        WHERE h.station_id = ? AND h.case_id = ?
          AND NOT EXISTS (SELECT 1 FROM case_history l WHERE l.case_id = ? AND l.event = h.event
                AND l.to_state = h.to_state AND l.at = h.at
                AND l.from_state IS h.from_state)
        ORDER BY h.id`,
    ).run(caseId, c.station_name, c.station_id, c.id, caseId);
    const signoffs = carrySignoffs(db, c, caseId, refs.advisory);
    return {
      value: caseId,
      audit: {
        action: 'case.received',
        entityType: 'case',
        entityId: caseId,
        payload: {
          fromStation: c.station_id,
          fromStationName: c.station_name,
          fromCase: c.id,
          assetTag: c.asset_tag,
          trackingId: c.tracking_id,
          handedBack: true,
          assigneeUserId: assignee,
          assigneeNotCarried: c.assignee_user_id !== null && assignee === null,
          signoffsCarried: signoffs.carried,
          signoffsNotCarried: signoffs.notCarried,
        },
      },
    };
  });
}
