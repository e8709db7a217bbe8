import type { Migration } from '../migrate';

/**
 * A refusal from the station holding a case comes back as the errors catalogue's key and values
 * as well as that station's English sentence, so the command post words it in its own language.
 * Answers from an app that sent only the sentence keep `answer_words` empty and show the sentence.
 */
export const migration021: Migration = {
  version: 21,
  name: 'the catalogue words of a refused request',
  up(db) {
    db.exec('ALTER TABLE case_requests ADD COLUMN answer_words TEXT');
  },
};
