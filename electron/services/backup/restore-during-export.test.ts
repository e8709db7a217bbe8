import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportJobProgress } from '../../api/domains/exports';
import { verifyAuditChain } from '../audit/verify';
import { operator } from '../pdf/test/demo-exports';
import { demoExportsPerFile } from '../pdf/test/demo-exports-per-file';
import { pdfsig } from '../pdf/independent-tools';
import { waitForJob } from '../pdf/batch-export';

/**
 * A restore is a step of the running services: a batch PDF export that runs when it starts is
 * stopped after the file it is writing, and nothing it does reaches the restored database.
 */
const t = demoExportsPerFile('standalone-backups-');

const cli = () => t.rt.client(operator);

const auditCount = (db: Database.Database) =>
  db.prepare('SELECT count(*) FROM audit_events').pluck().get() as number;

describe('a restore while a batch export runs', () => {
  it('stops the export after its current file, then restores; nothing reaches the restored database', async () => {
    const backup = await cli().value('backup.create', { folder: t.out.dir });
    const eventsInBackup = verifyAuditChain(
      new Database(backup.file, { readonly: true }),
    ).eventCount;
    const caseIds = Object.values(t.demo.cases);
    expect(caseIds.length).toBeGreaterThan(1);

    // Both calls in the same turn: the export's first PDF is being written when the restore
    // begins (the job yields while it signs). That PDF leaves with an anchor past the backup's
    // chain, so the restore takes back history that has left: it needs a recorded reason.
    const starting = cli().value('exports.casePdfs', { caseIds });
    const restoring = cli().value('backup.restore', {
      file: backup.file,
      force: { reason: 'Restore drill during a running export.' },
    });
    const started = await starting;
    const report = await restoring;

    expect(report.stoppedWork).toEqual(['batch_pdf_export']);
    expect(report.forced?.overridden).toEqual(['anchor']);
    const progress: ExportJobProgress = await waitForJob(t.rt.services, started.jobId);
    expect(progress).toMatchObject({ state: 'cancelled', done: 1, failures: [] });
    expect(progress.error).toMatch(/restored from a backup/);
    // The one file written before the restore is whole and signed; nothing was written after.
    expect(fs.readdirSync(started.directory)).toEqual(progress.files);
    expect(progress.files).toHaveLength(1);
    expect(pdfsig(path.join(started.directory, progress.files[0] ?? '')).signatureLine).toBe(
      'Signature is Valid.',
    );

    // The restored database holds the backup's events and the restore's, nothing else.
    expect(auditCount(t.rt.services.db)).toBe(eventsInBackup + 1);
    expect(report.auditEventId).toBe(eventsInBackup + 1);
    // The replaced database, kept aside, is whole and its chain verifies.
    const aside = new Database(report.replacedDatabaseKeptAs ?? '', { readonly: true });
    expect(aside.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(verifyAuditChain(aside).ok).toBe(true);
    aside.close();
    // The services go on over the restored file.
    expect((await cli().value('audit.verify', {})).ok).toBe(true);
  }, 300_000);
});
