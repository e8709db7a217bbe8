import type { Migration } from '../migrate';

/**
 * A match's reasons as the match catalogue's keys and values (electron/api/i18n/match.*.json)
 * beside their English, so each station words them in its own language. Matches stored before
 * keep `reason_words` empty and show their English as before.
 */
export const migration022: Migration = {
  version: 22,
  name: 'the catalogue words of match reasons',
  up(db) {
    db.exec('ALTER TABLE matches ADD COLUMN reason_words TEXT');
  },
};
