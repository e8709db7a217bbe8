import type { Services } from '../core/context';
import { receiveCase, type LocalRefs, type RemoteCase } from './case-work';

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
  receiveCase(services, c, refs, (now, assignee) => {
    const { db } = services;
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
    return caseId;
  });
}
