import type { Migration } from '../migrate';

/**
 * The sessions a start after a crash recorded as ended with the app (people/sessions-left-open.ts)
 * are found without reading every user event: an index of the user events whose body names the
 * reason `process_ended`. Every HICS 214 lists them, and a station's user events (sign-ins,
 * sign-outs, hand-overs) grow with every shift. The index holds only those events, so it costs
 * nothing to other appends. Its condition is text, not JSON, so no body can make an append fail.
 * A reader's query must repeat the condition word for word for SQLite to use the index.
 */
export const endedWithAppCondition = `entity_type = 'user' AND instr(body, '"process_ended"') > 0`;

export const migration020: Migration = {
  version: 20,
  name: 'an index of the sessions ended with the app',
  up(db) {
    db.exec(
      `CREATE INDEX audit_events_ended_with_app ON audit_events (id) WHERE ${endedWithAppCondition}`,
    );
  },
};
