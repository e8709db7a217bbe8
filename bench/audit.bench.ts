import type Database from 'better-sqlite3';
import path from 'node:path';
import { appendAuditEvent, systemActor } from '../electron/services/audit/append';
import { verifyAuditChain } from '../electron/services/audit/verify';
import { databaseFileName, openDatabase } from '../electron/services/db/open';
import { benchDir, figure, time, type BenchSuite, type Figure } from './harness';

const batch = 10_000;

/** Appends `count` checklist events in transactions of 10k; returns the time taken. */
export function appendMany(db: Database.Database, count: number): number {
  const now = new Date('2026-11-28T08:00:00Z');
  const insert = db.transaction((n: number, offset: number) => {
    for (let i = 0; i < n; i++) {
      appendAuditEvent(db, now, {
        actor: i % 2 ? systemActor : { userId: 3, role: 'biomed' },
        action: 'checklist.answered',
        entityType: 'case',
        entityId: String((offset + i) % 5000),
        payload: { item: 'backup.config_taken', answer: true, seq: offset + i },
      });
    }
  });
  const { ms } = time(() => {
    for (let done = 0; done < count; done += batch) insert(Math.min(batch, count - done), done);
  });
  return ms;
}

/** Audit append rate, chain verification, and opening a large database. */
export const auditBench: BenchSuite = {
  name: 'audit',
  run() {
    const figures: Figure[] = [];
    const { dir, cleanup } = benchDir();
    try {
      const file = path.join(dir, databaseFileName);
      let db = openDatabase(file);
      const appendMs = appendMany(db, 100_000);
      figures.push(
        figure('audit append, batched (100k events)', 100_000 / (appendMs / 1000), 'events/s', {
          atLeast: 50_000,
        }),
      );
      const v100k = time(() => verifyAuditChain(db));
      if (!v100k.value.ok) throw new Error('chain broken after append');
      figures.push(figure('audit verify, 100k events', v100k.ms, 'ms'));

      appendMany(db, 900_000);
      const v1m = time(() => verifyAuditChain(db));
      if (!v1m.value.ok || v1m.value.eventCount !== 1_000_000)
        throw new Error('chain of 1M not ok');
      figures.push(figure('audit verify, 1M events', v1m.ms, 'ms', { atMost: 3000 }));
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();

      const open = time(() => openDatabase(file));
      db = open.value;
      figures.push(
        figure('open + migrate + quick_check, 1M-event database', open.ms, 'ms', { atMost: 500 }),
      );
      db.close();
    } finally {
      cleanup();
    }
    return figures;
  },
};
