/**
 * A large database for the replay check, built in bulk: the events are written straight into
 * the chain (hashed as the app hashes them, each carrying the images of the rows it wrote in the
 * compact form the app writes, through its writer) and the final rows are written once at the
 * end, with the apply function the replay itself uses.
 */
import Database from 'better-sqlite3';
import { caseStates } from '../electron/api/domains/cases';
import { applyEventRows } from '../electron/services/audit/apply-rows';
import { boundTables, held, type BoundTableName } from '../electron/services/audit/bound-tables';
import { canonicalTextAround } from '../electron/services/audit/canonical-json';
import {
  canonicalEventJson,
  canonicalJson,
  genesisHash,
  sha256Hex,
} from '../electron/services/audit/hash';
import { BoundRowsWriter } from '../electron/services/audit/row-image-forms';
import {
  boundRowsKey,
  digestOf,
  mapKey,
  type BoundRowEntry,
  type ImageValue,
  type RowImage,
} from '../electron/services/audit/row-images';
import { openDatabase } from '../electron/services/db/open';

export interface ReplayData {
  events: number;
  cases: number;
  rows: number;
}

/** Per case: opened, 20 items answered 3 times, 10 transitions, 4 sign-offs, 25 reads that write nothing. */
const perCase = { answers: 20, rounds: 3, transitions: 10, signoffs: 4, silent: 25 };
/** The states from assessing to returned to service, in the workflow's order. */
const states = caseStates.slice(
  caseStates.indexOf('assessing'),
  caseStates.indexOf('returned_to_service') + 1,
);

export function buildReplayDatabase(file: string, caseCount: number): ReplayData {
  openDatabase(file).close();
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF');
  const columns = new Map(boundTables(db).map((t) => [t.name, t.columns.map((c) => c.name)]));
  const image = (table: BoundTableName, values: Record<string, ImageValue>): RowImage => {
    const row: RowImage = {};
    for (const c of held(columns, table)) row[c] = values[c] ?? null;
    return row;
  };
  const tables = new Map(boundTables(db).map((t) => [t.name, t]));
  /** The payload's canonical text with the rows in form 2, as appendAuditEvent writes it. */
  const payloadText = (payload: Record<string, unknown>, rows: BoundRowEntry[]): string => {
    let text = '';
    let tail = '';
    const writer = new BoundRowsWriter(
      (piece) => (text += String(piece)),
      () => {
        const [before, after] = canonicalTextAround(payload, boundRowsKey);
        text += before;
        tail = after;
      },
    );
    for (const [name, key, image] of rows) writer.entry(held(tables, name), key, image);
    return writer.end() ? text + tail : canonicalJson(payload);
  };
  const finalRows = new Map<string, BoundRowEntry>();
  const secrets = new Map<string, string>();
  const insertEvent = db.prepare(
    'INSERT INTO audit_events (id, entity_type, entity_id, body, hash) VALUES (?, ?, ?, ?, ?)',
  );
  let id = 0;
  let prevHash = genesisHash;
  let clock = Date.parse('2026-11-28T08:00:00Z');
  const emit = (
    action: string,
    entityType: string,
    entityId: string | null,
    payload: Record<string, unknown>,
    rows: BoundRowEntry[] = [],
  ) => {
    id++;
    clock += 1000;
    for (const r of rows) finalRows.set(mapKey(r[0], r[1]), r);
    const body = canonicalEventJson({
      id,
      time: new Date(clock).toISOString(),
      actorUserId: 2,
      actorRole: 'biomed',
      action,
      entityType,
      entityId,
      payload: payloadText(payload, rows),
      prevHash,
    });
    prevHash = sha256Hex(body);
    insertEvent.run(id, entityType, entityId, body, prevHash);
  };
  const at = () => new Date(clock).toISOString();
  let historyId = 0;
  let signoffId = 0;

  db.transaction(() => {
    const users: BoundRowEntry[] = [];
    for (let u = 1; u <= 5; u++) {
      const secret = `scrypt$bench$${u}`;
      secrets.set(digestOf(secret), secret);
      users.push([
        'users',
        [u],
        image('users', {
          id: u,
          display_name: `Bench user ${u}`,
          staff_id: `B${u}`,
          active: 1,
          demo: 0,
          credential_kind: 'pin',
          credential_hash: digestOf(secret),
          must_change_credential: 0,
          failed_attempts: 0,
          created_at: at(),
          updated_at: at(),
        }),
      ]);
      users.push([
        'user_roles',
        [u, 'biomed'],
        image('user_roles', { user_id: u, role: 'biomed' }),
      ]);
    }
    emit('user.created', 'user', null, { count: 5 }, users);
    const doc = '{}';
    secrets.set(digestOf(doc), doc);
    emit('advisory.imported', 'advisory', '1', {}, [
      [
        'advisories',
        [1],
        image('advisories', {
          id: 1,
          publisher_namespace: 'bench.invalid',
          tracking_id: 'BENCH-1',
          current_revision_id: 1,
          created_at: at(),
          updated_at: at(),
        }),
      ],
      [
        'advisory_revisions',
        [1],
        image('advisory_revisions', {
          id: 1,
          advisory_id: 1,
          version: '1',
          status: 'final',
          title: 'Bench',
          publisher_name: 'Bench',
          initial_release_date: at(),
          current_release_date: at(),
          vendors: '[]',
          cve_count: 1,
          highest_cvss: 7.5,
          file_name: 'bench.json',
          sha256: 'x',
          canonical_sha256: 'x',
          raw: digestOf(doc),
          normalized: digestOf(doc),
          imported_at: at(),
        }),
      ],
    ]);
    const devices: BoundRowEntry[] = [];
    for (let d = 1; d <= caseCount; d++) {
      devices.push([
        'devices',
        [d],
        image('devices', {
          id: d,
          asset_tag: `RPL-${String(d).padStart(6, '0')}`,
          vendor: 'Siemens',
          model: 'Symbia',
          department: 'Nuclear medicine',
          criticality: 'high',
          created_at: at(),
          updated_at: at(),
        }),
      ]);
    }
    emit('inventory.imported', 'inventory', null, { added: caseCount }, devices);
    emit('incident.created', 'incident', '1', {}, [
      [
        'incidents',
        [1],
        image('incidents', {
          id: 1,
          name: 'Bench response',
          commander_user_id: 1,
          period_start: at(),
          period_end: at(),
          status: 'open',
          created_by: 1,
          created_at: at(),
        }),
      ],
      [
        'incident_advisories',
        [1, 1],
        image('incident_advisories', { incident_id: 1, advisory_id: 1 }),
      ],
    ]);

    for (let c = 1; c <= caseCount; c++) {
      let state = 'at_risk';
      const caseRow = () =>
        image('cases', {
          id: c,
          incident_id: 1,
          device_id: c,
          advisory_id: 1,
          advisory_revision_id: 1,
          template_id: 'nm-standalone',
          template_version: 1,
          state,
          state_entered_at: at(),
          assignee_user_id: 2,
          created_by: 1,
          created_at: at(),
          updated_at: at(),
        });
      const history = (event: string, from: string | null) => {
        historyId++;
        return [
          'case_history',
          [historyId],
          image('case_history', {
            id: historyId,
            case_id: c,
            event,
            from_state: from,
            to_state: state,
            at: at(),
            user_id: 2,
            role: 'biomed',
            detail: '{}',
          }),
        ] as BoundRowEntry;
      };
      emit('case.opened', 'case', String(c), {}, [
        ['cases', [c], caseRow()],
        history('opened', null),
      ]);
      for (let r = 0; r < perCase.rounds; r++) {
        for (let a = 0; a < perCase.answers; a++) {
          const key = [c, 'assessment', `item_${a}`];
          emit('checklist.answered', 'case', String(c), { item: `item_${a}` }, [
            [
              'case_answers',
              key,
              image('case_answers', {
                case_id: c,
                section_id: 'assessment',
                item_id: `item_${a}`,
                value: JSON.stringify({ round: r }),
                answered_by: 2,
                answered_role: 'biomed',
                answered_at: at(),
              }),
            ],
          ]);
        }
      }
      for (let t = 0; t < perCase.transitions; t++) {
        const from = state;
        state = states[(c + t) % states.length] ?? 'assessing';
        emit('case.transitioned', 'case', String(c), { from, to: state }, [
          ['cases', [c], caseRow()],
          history('transition', from),
        ]);
      }
      for (let s = 0; s < perCase.signoffs; s++) {
        signoffId++;
        emit('signoff.given', 'case', String(c), { kind: `kind_${s}` }, [
          [
            'signoffs',
            [signoffId],
            image('signoffs', {
              id: signoffId,
              subject_type: 'case',
              subject_id: String(c),
              kind: `kind_${s}`,
              user_id: 2,
              user_name: 'Bench user 2',
              role: 'biomed',
              statement: 'I attest.',
              content: '{}',
              content_hash: 'x',
              signed_at: at(),
            }),
          ],
        ]);
      }
      for (let s = 0; s < perCase.silent; s++) emit('pdf.exported', 'case', String(c), { n: s });
    }
    db.prepare('INSERT INTO audit_head (singleton, last_id, last_hash) VALUES (1, ?, ?)').run(
      id,
      prevHash,
    );
    const rows = [...finalRows.values()];
    for (let i = 0; i < rows.length; i += 10_000) {
      applyEventRows(
        db,
        { payload: { boundRows: rows.slice(i, i + 10_000) } },
        {
          resolveDigest: (_t, _c, digest) => secrets.get(digest) ?? digest,
        },
      );
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { events: id, cases: caseCount, rows: finalRows.size };
}
