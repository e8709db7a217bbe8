import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditSince, lastAuditId } from '../people/test/test-calls';
import { loadDemoWithSigningIdentity } from '../signing/test/test-identity';
import { startTestRuntime, type TestRuntime } from '../test/temp-runtime';

let rt: TestRuntime;
beforeEach(async () => {
  rt = startTestRuntime();
  await loadDemoWithSigningIdentity(rt);
}, 180_000);
afterEach(() => rt.cleanup());

describe('every export is an audit event: what, for which record, by whom', () => {
  it('records inventory CSV and JSON, and a signed PDF, as the signed-in administrator', async () => {
    const adminId = rt.services.sessions.current?.userId;
    const before = lastAuditId(rt);
    for (const format of ['csv', 'json'] as const) {
      expect((await rt.client().call('inventory.export', { format })).ok).toBe(true);
    }
    const pdf = await rt
      .client()
      .call('exports.blankPdf', { templateId: 'icsma-standalone-response' });
    if (!pdf.ok) throw new Error(pdf.error.message);
    // The anchors these exports carry are events of their own (audit.anchor_issued).
    const events = auditSince(rt, before).filter((e) => e.action.startsWith('export.'));
    expect(events).toMatchObject([
      {
        action: 'export.csv',
        entityType: 'export',
        entityId: 'inventory',
        actorUserId: adminId,
        actorRole: 'admin',
        payload: { document: 'inventory', fileName: expect.stringMatching(/\.csv$/) as string },
      },
      {
        action: 'export.json',
        entityType: 'export',
        payload: { fileName: expect.stringMatching(/\.json$/) as string },
      },
      {
        action: 'export.pdf',
        entityType: 'export',
        entityId: 'playbook:icsma-standalone-response',
        actorUserId: adminId,
        payload: {
          subjectType: 'playbook',
          subjectId: 'icsma-standalone-response',
          document: 'blank_checklist',
        },
      },
    ]);
  });

  it('records an export by the command-line operator with the OS user', async () => {
    const before = lastAuditId(rt);
    const r = await rt
      .client({ kind: 'operator', osUser: 'night-shift' })
      .call('inventory.export', {
        format: 'csv',
      });
    expect(r.ok).toBe(true);
    expect(auditSince(rt, before).filter((e) => e.action.startsWith('export.'))).toMatchObject([
      { action: 'export.csv', actorRole: 'operator', payload: { operatorOsUser: 'night-shift' } },
    ]);
  });
});
