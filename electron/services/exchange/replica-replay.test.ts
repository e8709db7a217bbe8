import { describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { replicatedTables } from '../db/migrations/011-station-replica';
import { transferColumns } from '../db/migrations/017-case-transfers';
import { appSchemaVersion } from '../db/migrate';
import { openDatabase } from '../db/open';
import { facilityForFile, slow } from './test/facility-setup';

const f = facilityForFile({
  devices: { post: ['NM-0001'], floors: [['NM laptop 2', ['NM-0003', 'NM-0007']]] },
  async prepare() {
    const laptop = f.floor('NM laptop 2');
    await laptop.api.value('cases.transition', {
      caseId: laptop.caseOf('NM-0003'),
      target: 'assessing',
    });
  },
});

/** Every replicated row, table by table, in key order. */
function replica(db: Database.Database): Record<string, unknown[]> {
  return Object.fromEntries(
    replicatedTables.map((t) => [t, db.prepare(`SELECT * FROM station_${t} ORDER BY 1, 2`).all()]),
  );
}

/**
 * The tables and columns of migrations 013 to 017, the index of 020 and the column of 022 dropped
 * again: the database at version 12.
 */
function backToVersion12(db: Database.Database): void {
  db.exec(`
    DROP INDEX audit_events_ended_with_app;
    DROP TABLE case_conflict_decisions;
    DROP TABLE case_requests;
    DROP TABLE case_held_elsewhere;
    ALTER TABLE matches DROP COLUMN reason_words;
    ${['', 'station_']
      .flatMap((p) => transferColumns.map(([t, c]) => `ALTER TABLE ${p}${t} DROP COLUMN ${c};`))
      .join('\n')}
    PRAGMA user_version = 12;
  `);
}

describe('bundles imported before the facility replica existed', () => {
  it(
    'are replayed into the replica when the database is opened after the upgrade',
    slow,
    async () => {
      const db = f.post.rt.services.db;
      const imported = replica(db);
      expect(imported.cases).toHaveLength(2);
      // The database as an import before migration 011 left it: the events stored, the replica
      // (created empty by 011) without their rows; then at version 12, before 013 to 017.
      db.exec(`
      DROP TABLE station_replica_pending;
      ${replicatedTables.map((t) => `DELETE FROM station_${t};`).join('\n')}
    `);
      const before = await f.post.api.value('board.get', { incidentId: f.post.incidentId });
      expect(before.totalCases).toBe(1);
      backToVersion12(db);

      const upgraded = openDatabase(f.post.rt.services.databaseFile);
      try {
        expect(upgraded.pragma('user_version', { simple: true })).toBe(appSchemaVersion);
        expect(replica(upgraded)).toEqual(imported);
        expect(upgraded.prepare('SELECT count(*) FROM station_replica_pending').pluck().get()).toBe(
          0,
        );
      } finally {
        upgraded.close();
      }
      const board = await f.post.api.value('board.get', { incidentId: f.post.incidentId });
      expect(board.rows.map((r) => [r.assetTag, r.station?.name, r.state])).toEqual([
        ['NM-0001', 'Command post', 'at_risk'],
        ['NM-0003', 'NM laptop 2', 'assessing'],
        ['NM-0007', 'NM laptop 2', 'at_risk'],
      ]);
    },
  );

  it(
    'a replica already filled is rebuilt the same, and opening again changes nothing',
    slow,
    () => {
      const db = f.post.rt.services.db;
      const imported = replica(db);
      db.exec('DROP TABLE station_replica_pending');
      backToVersion12(db);
      for (let i = 0; i < 2; i++) {
        const reopened = openDatabase(f.post.rt.services.databaseFile);
        try {
          expect(replica(reopened)).toEqual(imported);
        } finally {
          reopened.close();
        }
      }
    },
  );
});
