import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditVerifyReport, RecordProblem } from '../../api';
import { testNow } from '../cases/test/case-test-setup';
import { mutate } from '../core/context';
import { databaseFileName, openDatabase } from '../db/open';
import { migrate } from '../db/migrate';
import { migrations } from '../db/migrations';
import { startServices } from '../runtime';
import { runCli } from '../test/run-cli';
import { startTestRuntime, tempDir, testOperator, walkThroughDemo } from '../test/temp-runtime';
import { createMemoryLogger } from '../core/log';
import { fixedClock } from '../core/clock';
import { systemActor } from './append';
import { applyEventRows } from './apply-rows';
import { boundTables } from './bound-tables';
import { verifyRecords, verifyRecordsSince } from './replay-check';
import { rowImage } from './row-images';

let template: { dir: string; cleanup(): void };
const cleanups: (() => void)[] = [];

/** A walked-through demo database, made once; each test works on a copy of its file. */
beforeAll(async () => {
  const rt = startTestRuntime(testNow);
  await walkThroughDemo(rt);
  rt.close();
  template = { dir: rt.dir, cleanup: rt.cleanup };
}, 240_000);

afterAll(() => {
  for (const c of cleanups) c();
  template.cleanup();
});

function copyOfWalkthrough(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  fs.copyFileSync(path.join(template.dir, databaseFileName), path.join(t.dir, databaseFileName));
  return t.dir;
}

/** Change the file as an attacker with file access would: plain SQL, no app, no triggers. */
function rawSql(dir: string, sql: string): void {
  const db = new Database(path.join(dir, databaseFileName));
  db.pragma('foreign_keys = OFF');
  db.exec(sql);
  db.close();
}

async function verify(dir: string): Promise<AuditVerifyReport> {
  const rt = startServices({ dataDir: dir, log: createMemoryLogger(), backupScheduler: false });
  try {
    return await rt.client(testOperator).value('audit.verify', {});
  } finally {
    rt.close();
  }
}

function one(dir: string, sql: string): unknown {
  const db = new Database(path.join(dir, databaseFileName), { readonly: true });
  try {
    return db.prepare(sql).pluck().get();
  } finally {
    db.close();
  }
}

interface Tamper {
  table: string;
  sql: (dir: string) => string;
  expect: (dir: string) => Partial<RecordProblem>;
}

const firstAnswer = `SELECT json_array(case_id, section_id, item_id) FROM case_answers ORDER BY 1 LIMIT 1`;
const answerKey = (dir: string) => {
  const [c, s, i] = JSON.parse(one(dir, firstAnswer) as string) as [number, string, string];
  return { c, s, i, key: `case_id=${c}, section_id="${s}", item_id="${i}"` };
};
const notAdmin = `SELECT min(id) FROM users WHERE id NOT IN (SELECT user_id FROM user_roles WHERE role = 'admin')`;

const tampers: Record<'UPDATE' | 'INSERT' | 'DELETE', Tamper[]> = {
  UPDATE: [
    {
      table: 'cases',
      sql: () => `UPDATE cases SET state = 'returned_to_service' WHERE id = 3`,
      expect: () => ({
        key: 'id=3',
        keyParts: [{ column: 'id', value: 3 }],
        field: 'state',
        problem: 'differs',
        expected: '"deferred"',
      }),
    },
    {
      table: 'case_answers',
      sql: (d) => {
        const a = answerKey(d);
        return `UPDATE case_answers SET value = '"forged"' WHERE case_id = ${a.c} AND section_id = '${a.s}' AND item_id = '${a.i}'`;
      },
      expect: (d) => {
        const { c, s, i, key } = answerKey(d);
        const keyParts = [
          { column: 'case_id', value: c },
          { column: 'section_id', value: s },
          { column: 'item_id', value: i },
        ];
        return { key, keyParts, field: 'value', problem: 'differs' };
      },
    },
    {
      table: 'signoffs',
      sql: () => `UPDATE signoffs SET user_name = 'Mallory' WHERE id = 1`,
      expect: () => ({ key: 'id=1', field: 'user_name', problem: 'differs' }),
    },
    {
      table: 'devices',
      sql: () => `UPDATE devices SET criticality = 'low' WHERE id = 3`,
      expect: () => ({ key: 'id=3', field: 'criticality', problem: 'differs' }),
    },
    {
      table: 'users',
      sql: () => `UPDATE users SET credential_hash = 'scrypt$forged' WHERE id = 2`,
      expect: () => ({ key: 'id=2', field: 'credential_hash', problem: 'differs' }),
    },
    {
      table: 'user_roles',
      sql: () => `UPDATE user_roles SET user_id = 999 WHERE user_id = 2`,
      // Checked below: a changed key leaves two problems.
      expect: () => ({}),
    },
  ],
  INSERT: [
    {
      table: 'cases',
      sql: () =>
        `INSERT INTO cases (id, incident_id, device_id, advisory_id, advisory_revision_id,
           template_id, template_version, state, state_entered_at, created_at, updated_at)
         SELECT 900, incident_id, (SELECT max(id) FROM devices), advisory_id, advisory_revision_id,
           template_id, template_version, 'returned_to_service', state_entered_at, created_at, updated_at
         FROM cases WHERE id = 3`,
      expect: () => ({ key: 'id=900', field: null, problem: 'no_event' }),
    },
    {
      table: 'case_answers',
      sql: (d) => {
        const a = answerKey(d);
        return `INSERT INTO case_answers SELECT case_id, section_id, 'forged_item', value, answered_by,
          answered_role, answered_at, station_name, answered_by_name FROM case_answers WHERE case_id = ${a.c} AND section_id = '${a.s}' AND item_id = '${a.i}'`;
      },
      expect: (d) => ({
        key: `case_id=${answerKey(d).c}, section_id="${answerKey(d).s}", item_id="forged_item"`,
        problem: 'no_event',
      }),
    },
    {
      table: 'signoffs',
      sql: () =>
        `INSERT INTO signoffs (id, subject_type, subject_id, kind, user_id, user_name, role,
           statement, content, content_hash, signed_at)
         SELECT 900, subject_type, subject_id, kind, user_id, user_name, role, statement, content,
           content_hash, signed_at FROM signoffs WHERE id = 1`,
      expect: () => ({ key: 'id=900', problem: 'no_event' }),
    },
    {
      table: 'devices',
      sql: () =>
        `INSERT INTO devices (id, asset_tag, created_at, updated_at) VALUES (900, 'NM-FORGED', 'x', 'x')`,
      expect: () => ({ key: 'id=900', problem: 'no_event' }),
    },
    {
      table: 'users',
      sql: () =>
        `INSERT INTO users (id, display_name, credential_kind, credential_hash, created_at, updated_at)
         VALUES (900, 'Mallory', 'pin', 'scrypt$forged', 'x', 'x')`,
      expect: () => ({ key: 'id=900', problem: 'no_event' }),
    },
    {
      table: 'user_roles',
      sql: (d) =>
        `INSERT INTO user_roles (user_id, role) VALUES (${String(one(d, notAdmin))}, 'admin')`,
      expect: (d) => ({
        key: `user_id=${String(one(d, notAdmin))}, role="admin"`,
        problem: 'no_event',
      }),
    },
  ],
  DELETE: [
    {
      table: 'cases',
      sql: () => `DELETE FROM cases WHERE id = 3`,
      expect: () => ({ key: 'id=3', field: null, problem: 'missing' }),
    },
    {
      table: 'case_answers',
      sql: (d) => {
        const a = answerKey(d);
        return `DELETE FROM case_answers WHERE case_id = ${a.c} AND section_id = '${a.s}' AND item_id = '${a.i}'`;
      },
      expect: (d) => ({ key: answerKey(d).key, problem: 'missing' }),
    },
    {
      table: 'signoffs',
      sql: () => `DELETE FROM signoffs WHERE id = 1`,
      expect: () => ({ key: 'id=1', problem: 'missing' }),
    },
    {
      table: 'devices',
      sql: () => `DELETE FROM devices WHERE id = 3`,
      expect: () => ({ key: 'id=3', problem: 'missing' }),
    },
    {
      table: 'users',
      sql: () => `DELETE FROM users WHERE id = 2`,
      expect: () => ({ key: 'id=2', problem: 'missing' }),
    },
    {
      table: 'user_roles',
      sql: () => `DELETE FROM user_roles WHERE user_id = 1`,
      expect: () => ({
        key: expect.stringMatching(/^user_id=1, role="/) as unknown as string,
        problem: 'missing',
      }),
    },
  ],
};

describe('records bound to the audit chain', () => {
  it('an untouched walkthrough verifies: chain and every bound table', async () => {
    const report = await verify(copyOfWalkthrough());
    expect(report.ok).toBe(true);
    expect(report.records).toMatchObject({ scope: 'full', ok: true, problemCount: 0 });
    expect(report.records?.rowsChecked).toBeGreaterThan(100);
    expect(report.records?.tablesChecked).toEqual(
      expect.arrayContaining([
        'cases',
        'case_answers',
        'case_history',
        'signoffs',
        'devices',
        'users',
        'user_roles',
        'settings',
        'matches',
      ]),
    );
  });

  for (const [statement, list] of Object.entries(tampers)) {
    for (const t of list) {
      it(`a raw ${statement} on ${t.table} is reported naming the table and the row`, async () => {
        const dir = copyOfWalkthrough();
        const wanted = t.expect(dir);
        rawSql(dir, t.sql(dir));
        const report = await verify(dir);
        expect(report.firstBad).toBeNull();
        expect(report.ok).toBe(false);
        const problems = report.records?.problems ?? [];
        if (t.table === 'user_roles' && statement === 'UPDATE') {
          // A changed key: the old row is missing and the new one has no event.
          expect(problems).toContainEqual(
            expect.objectContaining({ table: 'user_roles', problem: 'missing' }),
          );
          expect(problems).toContainEqual(
            expect.objectContaining({
              table: 'user_roles',
              problem: 'no_event',
              key: expect.stringMatching(/^user_id=999, /) as unknown,
            }),
          );
        } else {
          expect(problems).toContainEqual(expect.objectContaining({ table: t.table, ...wanted }));
        }
      });
    }
  }

  it('the command line exits 1 naming table, row and field, and 0 on an untouched walkthrough', async () => {
    const untouched = copyOfWalkthrough();
    const tampered = copyOfWalkthrough();
    rawSql(tampered, `UPDATE cases SET state = 'returned_to_service' WHERE id = 3`);
    const [good, bad] = await Promise.all([
      runCli(untouched, ['audit', 'verify']),
      runCli(tampered, ['audit', 'verify']),
    ]);
    expect(good.code, good.stderr).toBe(0);
    expect(good.stdout).toMatch(/records ok: \d+ rows in \d+ tables/);
    expect(bad.code, bad.stderr).toBe(1);
    expect(bad.stdout).toContain('cases id=3 field state differs from the audit trail (event');
    expect(bad.stdout).toContain('wrote "deferred", the table holds "returned_to_service"');
  }, 120_000);

  it('applying every event to an empty database reproduces every bound table', () => {
    const live = openDatabase(path.join(copyOfWalkthrough(), databaseFileName));
    const scratch = new Database(':memory:');
    try {
      migrate(scratch);
      const bodies = live
        .prepare('SELECT body FROM audit_events ORDER BY id')
        .pluck()
        .all() as string[];
      scratch.transaction(() => {
        for (const body of bodies)
          applyEventRows(scratch, JSON.parse(body) as { payload: unknown });
      })();
      for (const t of boundTables(live)) {
        const images = (db: Database.Database, stored: boolean) =>
          (
            db.prepare(`SELECT * FROM ${t.name} ORDER BY ${t.key.join(', ')}`).all() as Record<
              string,
              string | number | null
            >[]
          ).map((r) => rowImage(t, r, stored));
        expect(images(scratch, true), t.name).toEqual(images(live, false));
      }
    } finally {
      live.close();
      scratch.close();
    }
  });

  it('the incremental check follows new events, and finds what another connection or a write with no event changed', () => {
    const dir = copyOfWalkthrough();
    const rt = startServices({
      dataDir: dir,
      log: createMemoryLogger(),
      backupScheduler: false,
      replayCheckAtStart: false,
      clock: fixedClock(testNow),
    });
    try {
      const { db } = rt.services;
      expect(verifyRecords(db).ok).toBe(true);
      mutate({ services: rt.services, actor: systemActor }, () => {
        db.prepare(`UPDATE devices SET notes = 'checked' WHERE id = 5`).run();
        return {
          value: null,
          audit: { action: 'device.updated', entityType: 'device', entityId: 5 },
        };
      });
      expect(verifyRecordsSince(db)).toMatchObject({
        ok: true,
        records: { scope: 'incremental', rowsChecked: 1 },
      });

      // Written on this connection with no event: logged, and reported as such.
      db.prepare(`UPDATE devices SET notes = 'no event' WHERE id = 6`).run();
      expect(verifyRecordsSince(db).records?.problems).toEqual([
        expect.objectContaining({ table: 'devices', key: 'id=6', problem: 'no_event' }),
      ]);
      db.prepare('DELETE FROM temp.bound_touched').run();

      // Another connection's commit changes data_version: the check replays everything again.
      rawSql(dir, `UPDATE cases SET state = 'returned_to_service' WHERE id = 3`);
      const report = verifyRecordsSince(db);
      expect(report.records).toMatchObject({ scope: 'full', ok: false });
      expect(report.records?.problems).toContainEqual(
        expect.objectContaining({ table: 'cases', key: 'id=3', field: 'state' }),
      );
    } finally {
      rt.close();
    }
  });

  it('a database made before rows were bound gets one baseline event, then verifies', () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const file = path.join(dir, databaseFileName);
    const old = new Database(file);
    migrate(old, migrations.slice(0, 8));
    old.exec(`INSERT INTO devices (asset_tag, created_at, updated_at) VALUES ('NM-OLD', 'x', 'x');
              INSERT INTO settings (key, value) VALUES ('facility', '{"name":"Old"}')`);
    old.close();
    const db = openDatabase(file);
    try {
      const events = db.prepare('SELECT body FROM audit_events').pluck().all() as string[];
      expect(events).toHaveLength(1);
      expect(JSON.parse(events[0] ?? '{}')).toMatchObject({
        action: 'audit.baseline',
        payload: { rowCount: 2 },
      });
      expect(verifyRecords(db)).toMatchObject({ ok: true, records: { rowsChecked: 2 } });
    } finally {
      db.close();
    }
  });
});
