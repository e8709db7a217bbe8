import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnchorCheck, AuditVerifyReport } from '../../api';
import type { ApiClient } from '../../api/client';
import { demoSigningPassphrase } from '../../api/domains/signing';
import { testNow } from '../cases/test/case-test-setup';
import { createMemoryLogger } from '../core/log';
import { databaseFileName } from '../db/open';
import { startServices } from '../runtime';
import { runCli } from '../test/run-cli';
import { startTestRuntime, testOperator, type TestRuntime } from '../test/temp-runtime';
import { canonicalEventJson, canonicalJson, sha256Hex, type HashedEventFields } from './hash';
import { checkpointIds, latestAnchor } from './anchors';
import { boundTables } from './bound-tables';
import { expandBoundRows } from './row-image-forms';

let rt: TestRuntime;
let pdfFile: string;
let backupFile: string;
let anchoredAt: number;

const call: ApiClient['value'] = (method, input) => rt.client(testOperator).value(method, input);

/** A walked-through demo database; a case PDF and a backup leave it; then work goes on. */
beforeAll(async () => {
  rt = startTestRuntime(testNow);
  await call('demo.load', {});
  await call('demo.walkthrough', {});
  await call('signing.unlock', { passphrase: demoSigningPassphrase });
  const pdf = await call('exports.casePdf', { caseId: 3 });
  pdfFile = path.join(rt.dir, 'case-3.pdf');
  fs.writeFileSync(pdfFile, Buffer.from(pdf.base64, 'base64'));
  backupFile = (await call('backup.create', { folder: path.join(rt.dir, 'backups') })).file;
  anchoredAt = latestAnchor(rt.services.db)?.eventId ?? 0;
  await call('signing.lock', {});
  await call('signing.unlock', { passphrase: demoSigningPassphrase });
}, 240_000);

afterAll(() => rt.cleanup());

async function verifyAnchors(
  dir: string,
): Promise<{ report: AuditVerifyReport; anchors: AnchorCheck[] }> {
  const s = startServices({
    dataDir: dir,
    log: createMemoryLogger(),
    backupScheduler: false,
    replayCheckAtStart: false,
  });
  try {
    const cli = s.client(testOperator);
    const report = await cli.value('audit.verify', {});
    const anchors = await cli.value('audit.verifyAnchors', { files: [pdfFile, backupFile] });
    return { report, anchors };
  } finally {
    s.close();
  }
}

/**
 * What an attacker with the file and the code can do: rewrite an event (and the row it wrote)
 * and hash the whole chain again from there, so the chain and the records agree again.
 */
function rehashFrom(
  file: string,
  rewrite: (payload: Record<string, unknown>) => void,
  at: number,
): void {
  const db = new Database(file);
  const rows = db
    .prepare('SELECT id, body FROM audit_events WHERE id >= ? ORDER BY id')
    .all(at) as { id: number; body: string }[];
  let prevHash = db
    .prepare('SELECT hash FROM audit_events WHERE id = ?')
    .pluck()
    .get(at - 1) as string;
  const update = db.prepare('UPDATE audit_events SET body = ?, hash = ? WHERE id = ?');
  db.transaction(() => {
    for (const row of rows) {
      const e = JSON.parse(row.body) as Omit<HashedEventFields, 'payload'> & {
        payload: Record<string, unknown>;
      };
      if (row.id === at) rewrite(e.payload);
      const body = canonicalEventJson({ ...e, payload: canonicalJson(e.payload), prevHash });
      prevHash = sha256Hex(body);
      update.run(body, prevHash, row.id);
    }
    db.prepare('UPDATE audit_head SET last_hash = ?').run(prevHash);
  })();
  db.close();
}

describe('anchors outside the database', () => {
  it('checkpoints are dense near the head and sparse back to the first event', () => {
    expect(checkpointIds(100)).toEqual([
      1, 36, 68, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99,
    ]);
    expect(checkpointIds(1)).toEqual([]);
  });

  it('a PDF and a backup carry the signed chain head, issuing each is an event, and the live chain extends both', async () => {
    expect(anchoredAt).toBeGreaterThan(100);
    const actions = rt.services.db
      .prepare(
        `SELECT json_extract(body, '$.payload.artefact.kind') FROM audit_events WHERE json_extract(body, '$.action') = 'audit.anchor_issued'`,
      )
      .pluck()
      .all();
    expect(actions).toEqual(expect.arrayContaining(['pdf', 'backup']));
    rt.close();
    const { report, anchors } = await verifyAnchors(rt.dir);
    expect(report.ok).toBe(true);
    expect(anchors).toEqual([
      expect.objectContaining({ ok: true, kind: 'PDF', signature: 'valid' }),
      expect.objectContaining({ ok: true, kind: 'backup', signature: 'valid' }),
    ]);
  });

  it('a fully re-hashed history passes the chain and the records, and is caught by the earlier PDF and backup', async () => {
    const copy = path.join(rt.dir, 'forged');
    fs.mkdirSync(copy);
    const file = path.join(copy, databaseFileName);
    fs.copyFileSync(path.join(rt.dir, databaseFileName), file);
    // The last event that wrote case 3 before the PDF: NM-0003's deferral.
    const db = new Database(file, { readonly: true });
    const tables = new Map(boundTables(db).map((t) => [t.name, t]));
    const writesCase3 = (payload: unknown) =>
      expandBoundRows(payload, tables).some(([t, key]) => t === 'cases' && key[0] === 3);
    const bodies = db
      .prepare(`SELECT id, body FROM audit_events WHERE id < ? AND body LIKE '%"boundRows":%'`)
      .all(anchoredAt) as { id: number; body: string }[];
    const target = Math.max(
      ...bodies
        .filter((e) => writesCase3((JSON.parse(e.body) as { payload: unknown }).payload))
        .map((e) => e.id),
    );
    db.close();
    // Written back in the first form: a forger may write either; the chain takes both.
    rehashFrom(
      file,
      (payload) => {
        const entries = expandBoundRows(payload, tables);
        for (const [t, key, image] of entries) {
          if (t === 'cases' && key[0] === 3 && image) image.state = 'returned_to_service';
        }
        payload.boundRows = entries;
      },
      target,
    );
    const raw = new Database(file);
    raw.exec(`UPDATE cases SET state = 'returned_to_service' WHERE id = 3`);
    raw.close();
    // The forged case stays so only if no later event wrote case 3 again.
    const s = startServices({
      dataDir: copy,
      log: createMemoryLogger(),
      backupScheduler: false,
      replayCheckAtStart: false,
    });
    const plain = await s.client(testOperator).call('audit.verify', {});
    s.close();
    expect(plain).toMatchObject({ ok: true, value: { ok: true, records: { ok: true } } });

    const { anchors } = await verifyAnchors(copy);
    const [pdf, backup] = anchors;
    expect(pdf).toMatchObject({
      ok: false,
      kind: 'PDF',
      divergence: { firstDiverging: expect.any(Number) as number },
    });
    expect(pdf?.divergence?.firstDiverging).toBeGreaterThanOrEqual(target);
    expect(pdf?.divergence?.lastMatching ?? 0).toBeLessThan(target);
    expect(backup).toMatchObject({
      ok: false,
      kind: 'backup',
      divergence: { firstDiverging: target, exact: true },
    });

    const cli = await runCli(copy, ['audit', 'verify', '--anchor', pdfFile, backupFile]);
    expect(cli.code, cli.stderr).toBe(1);
    expect(cli.stdout).toContain('audit chain ok');
    expect(cli.stdout).toContain(
      `anchor FAILED: ${backupFile}: the live audit trail is not the history this backup anchored: it diverges at event ${target}`,
    );
    expect(cli.stdout).toContain(
      `anchor FAILED: ${pdfFile}: the live audit trail is not the history this PDF anchored`,
    );
  }, 120_000);
});
