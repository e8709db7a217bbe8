import type { Migration } from '../migrate';

/**
 * A case handed from one station to another. At the station that gave it, `transferred_to` names
 * the station that holds it now: the case is kept as the record of what was done here, and no
 * longer changes. At the station that received it, the case is a new one of its own whose
 * `transferred_from_*` columns name the station and case it continues; its answers and history
 * are copied from that station's record, each naming the station and the person who made it
 * (`station_name`, and the person's name, since their account is not one of this station's).
 * NULL everywhere for what was made here. The replica gets the columns too, so the command post
 * sees which station holds a case and where each entry was made.
 */
export const transferColumns = [
  ['cases', 'transferred_to', 'TEXT'],
  ['cases', 'transferred_from_station', 'TEXT'],
  ['cases', 'transferred_from_case', 'INTEGER'],
  ['case_answers', 'station_name', 'TEXT'],
  ['case_answers', 'answered_by_name', 'TEXT'],
  ['case_history', 'station_name', 'TEXT'],
  ['case_history', 'user_name', 'TEXT'],
] as const;

export const migration017: Migration = {
  version: 17,
  name: 'cases handed from one station to another',
  up(db) {
    for (const prefix of ['', 'station_']) {
      for (const [table, column, type] of transferColumns) {
        db.exec(`ALTER TABLE ${prefix}${table} ADD COLUMN ${column} ${type}`);
      }
    }
  },
};
