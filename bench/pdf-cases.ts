import path from 'node:path';
import type Database from 'better-sqlite3';
import { appendAuditEvent, systemActor } from '../electron/services/audit/append';
import { parseCaseSubjectId, signedContent } from '../electron/services/cases/case-content';
import { findCaseRow, readAnswers, readCaseRound } from '../electron/services/cases/case-store';
import { contentHash } from '../electron/services/people/insert-signoff';
import { setUpDemoForExports, type DemoExports } from '../electron/services/pdf/test/demo-exports';
import { startServices, type Runtime } from '../electron/services/runtime';
import { benchDir, type Figure } from './harness';

export interface DemoExportBench {
  rt: Runtime;
  /** The bench's own temp folder (the database is in `data/` below it). */
  dir: string;
  demo: DemoExports;
  /** NM-0001, the case the walkthrough took all the way to returned_to_service. */
  source: number;
}

/**
 * Runs a PDF suite on the demo facility after the walkthrough, with a signing identity unlocked,
 * in a temp folder removed afterwards: the seeding the case-PDF suites share.
 */
export async function withDemoExports(
  run: (bench: DemoExportBench) => Promise<Figure[]>,
): Promise<Figure[]> {
  const { dir, cleanup } = benchDir();
  const rt = startServices({ dataDir: path.join(dir, 'data') });
  try {
    const demo = await setUpDemoForExports(rt);
    const source = demo.cases['NM-0001'];
    if (source === undefined) throw new Error('the walkthrough did not open NM-0001');
    return await run({ rt, dir, demo, source });
  } finally {
    rt.close();
    cleanup();
  }
}

/**
 * For the benchmark: `count` copies of a finished demo case (NM-0001 after the walkthrough), each
 * on its own device, with the same answers, history and sign-offs (signed content recomputed for
 * the copy, so they stay valid) and an audit event, written in one transaction. What a large
 * facility's export of an incident looks like, without walking a thousand cases through the API.
 */
export function cloneCase(
  db: Database.Database,
  sourceCaseId: number,
  count: number,
  now: Date,
): number[] {
  const source = db.prepare('SELECT * FROM cases WHERE id = ?').get(sourceCaseId) as Record<
    string,
    unknown
  >;
  const deviceColumns = (db.prepare('PRAGMA table_info(devices)').all() as { name: string }[])
    .map((c) => c.name)
    .filter((n) => n !== 'id' && n !== 'asset_tag');
  const insertDevice = db.prepare(
    `INSERT INTO devices (asset_tag, ${deviceColumns.join(', ')})
     SELECT ?, ${deviceColumns.join(', ')} FROM devices WHERE id = ?`,
  );
  const caseColumns = Object.keys(source).filter((n) => n !== 'id' && n !== 'device_id');
  const insertCase = db.prepare(
    `INSERT INTO cases (device_id, ${caseColumns.join(', ')})
     SELECT ?, ${caseColumns.join(', ')} FROM cases WHERE id = ?`,
  );
  const copyAnswers = db.prepare(
    `INSERT INTO case_answers (case_id, section_id, item_id, value, answered_by, answered_role, answered_at)
     SELECT ?, section_id, item_id, value, answered_by, answered_role, answered_at FROM case_answers WHERE case_id = ?`,
  );
  const copyHistory = db.prepare(
    `INSERT INTO case_history (case_id, event, from_state, to_state, at, user_id, role, detail)
     SELECT ?, event, from_state, to_state, at, user_id, role, detail FROM case_history WHERE case_id = ? ORDER BY id`,
  );
  const signoffs = db
    .prepare(
      `SELECT subject_id, kind, user_id, user_name, role, statement, signed_at FROM signoffs
        WHERE subject_type = 'case' AND subject_id LIKE ? ORDER BY id`,
    )
    .all(`${sourceCaseId}:%`) as {
    subject_id: string;
    kind: string;
    user_id: number;
    user_name: string;
    role: string;
    statement: string;
    signed_at: string;
  }[];
  const insertSignoff = db.prepare(
    `INSERT INTO signoffs (subject_type, subject_id, kind, user_id, user_name, role, statement, content, content_hash, signed_at)
     VALUES ('case', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const deviceId = source.device_id as number;
  const assetTag = db
    .prepare('SELECT asset_tag FROM devices WHERE id = ?')
    .pluck()
    .get(deviceId) as string;
  const ids: number[] = [];
  db.transaction(() => {
    for (let i = 1; i <= count; i++) {
      const newDevice = Number(
        insertDevice.run(`${assetTag}-B${String(i).padStart(4, '0')}`, deviceId).lastInsertRowid,
      );
      const caseId = Number(insertCase.run(newDevice, sourceCaseId).lastInsertRowid);
      copyAnswers.run(caseId, sourceCaseId);
      copyHistory.run(caseId, sourceCaseId);
      const row = findCaseRow(db, caseId);
      if (!row) throw new Error(`case ${caseId} was not copied`);
      const answers = readAnswers(db, caseId).answers;
      for (const s of signoffs) {
        const kind = parseCaseSubjectId(s.subject_id)?.kind;
        if (!kind) continue;
        const content = signedContent(row, answers, kind, readCaseRound(db, caseId));
        insertSignoff.run(
          `${caseId}:${kind}`,
          s.kind,
          s.user_id,
          s.user_name,
          s.role,
          s.statement,
          JSON.stringify(content),
          contentHash(content),
          s.signed_at,
        );
      }
      appendAuditEvent(db, now, {
        actor: systemActor,
        action: 'case.copied_for_benchmark',
        entityType: 'case',
        entityId: caseId,
        payload: { from: sourceCaseId },
      });
      ids.push(caseId);
    }
  })();
  return ids;
}
