import type { Migration } from '../migrate';

/**
 * A sign-off records the signer's staff ID as it stood when they signed: two sign-offs that must
 * come from different people are compared by user and by staff ID, so one person with two
 * accounts (or an account re-issued under their staff ID) still signs only once. Sign-offs given
 * before this version keep NULL: their bound rows stay as the events describe them, and the
 * workflow falls back to the account's current staff ID for them. The replica gets the column
 * too, so another station's sign-offs carry it.
 */
export const migration012: Migration = {
  version: 12,
  name: 'sign-offs carry the staff ID',
  up(db) {
    db.exec(`
      ALTER TABLE signoffs ADD COLUMN staff_id TEXT;
      ALTER TABLE station_signoffs ADD COLUMN staff_id TEXT;
    `);
  },
};
