import type { Migration } from '../migrate';
import { migration001 } from './001-initial';
import { migration002 } from './002-people';
import { migration003 } from './003-advisories';
import { migration004 } from './004-signing';
import { migration005 } from './005-cases';
import { migration006 } from './006-board';
import { migration007 } from './007-device-filters';
import { migration008 } from './008-stations';
import { migration009 } from './009-bound-rows';
import { migration010 } from './010-threats';
import { migration011 } from './011-station-replica';
import { migration012 } from './012-signoff-staff-id';
import { migration013 } from './013-replica-replay';
import { migration014 } from './014-case-conflicts';
import { migration015 } from './015-case-requests';
import { migration016 } from './016-case-held-elsewhere';
import { migration017 } from './017-case-transfers';
import { migration018 } from './018-case-request-assign';
import { migration019 } from './019-case-handovers';
import { migration020 } from './020-sessions-ended-with-app';
import { migration021 } from './021-case-request-answer-words';
import { migration022 } from './022-match-reason-words';

/** Append-only: never edit or reorder a migration that has shipped; add the next number. */
export const migrations: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
  migration010,
  migration011,
  migration012,
  migration013,
  migration014,
  migration015,
  migration016,
  migration017,
  migration018,
  migration019,
  migration020,
  migration021,
  migration022,
];

for (const [i, m] of migrations.entries()) {
  if (m.version !== i + 1) throw new Error(`Migration ${m.name} must have version ${i + 1}`);
}
