import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testPassphrase } from '../signing/test/test-identity';
import { repoRoot, signInAs } from '../test/temp-runtime';
import { waitForJob } from './batch-export';
import { demoCase, operator } from './test/demo-exports';
import { demoExportsPerFile } from './test/demo-exports-per-file';
import { pdfPageCount, pdfsig, pdftoppm, pdftotext, qpdfCheck } from './independent-tools';
import { exportKinds } from './test/export-kinds';
import { verifyPdf } from './verify';

/**
 * Every kind of signed PDF the app makes, from the demo facility after the walkthrough, checked
 * with tools that share no code with the app. The pages are rendered into test-results/pdf/ for
 * a person to look at.
 */

const kinds = exportKinds(() => t.demo);
const pagesDir = path.join(repoRoot, 'test-results', 'pdf');

const files = new Map<string, string>();

const t = demoExportsPerFile('standalone-exports-', async ({ rt, out }) => {
  fs.rmSync(pagesDir, { recursive: true, force: true });
  for (const kind of kinds) {
    const value = await rt.client(operator).value(kind.method, kind.input());
    // Kinds of one record (the case in two languages) share a file name: one folder each.
    const file = path.join(out.dir, kind.name, value.fileName);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, Buffer.from(value.base64, 'base64'));
    files.set(kind.name, file);
  }
});

describe.each(kinds)('the signed $name PDF', (kind) => {
  const file = () => files.get(kind.name) ?? '';

  it('pdfsig: "Signature is Valid.", whole document, adbe.pkcs7.detached, SHA-256', () => {
    const sig = pdfsig(file());
    expect(sig.signatureLine).toBe('Signature is Valid.');
    expect(sig.output).toContain('Total document signed');
    expect(sig.output).toContain('Signature Type: adbe.pkcs7.detached');
    expect(sig.output).toContain('Signing Hash Algorithm: SHA-256');
  });

  it('qpdf --check finds no errors', () => {
    const check = qpdfCheck(file());
    expect(check.code).toBe(0);
    expect(check.output).toContain('No syntax or stream encoding errors found');
  });

  it('pdftotext finds what the reader needs, non-Latin names included', () => {
    // Table cells wrap: compare with runs of white space made one space.
    const text = pdftotext(file()).replace(/\s+/g, ' ');
    for (const expected of kind.expected) expect(text).toContain(expected);
    expect(text).toContain(kind.signedBy ?? 'Digitally signed by the organisation');
    expect(text).toContain(t.demo.fingerprint);
  });

  it('verify-pdf accepts it and says the content matches the database', async () => {
    const report = await verifyPdf(t.rt.services, fs.readFileSync(file()));
    expect(report.problems).toEqual([]);
    expect(report.valid).toBe(true);
    if (!kind.name.startsWith('blank')) {
      expect(report.content).toMatchObject({ checked: true, matches: true });
      expect(report.audit).toMatchObject({ found: true, hashMatches: true });
    }
  });

  it('one changed byte inside the signed range: pdfsig reports a digest mismatch, verify-pdf fails', async () => {
    const bytes = fs.readFileSync(file());
    const at = bytes.indexOf(Buffer.from('stream')) + 40;
    bytes[at] = (bytes[at] ?? 0) ^ 0x01;
    const tampered = path.join(t.out.dir, `tampered-${kind.name}.pdf`);
    fs.writeFileSync(tampered, bytes);
    expect(pdfsig(tampered).signatureLine).toBe('Digest Mismatch.');
    const report = await verifyPdf(t.rt.services, bytes);
    expect(report.valid).toBe(false);
    expect(report.problems.map((p) => p.code)).toContain('digest_mismatch');
  });

  it('renders every page with pdftoppm into test-results/pdf/', () => {
    const pngs = pdftoppm(file(), pagesDir, kind.name);
    expect(pngs.length).toBe(pdfPageCount(file()));
    expect(pngs.length).toBeGreaterThan(0);
  });
});

describe('the device case PDF', () => {
  it('has every section of the record, with the audit reference of the case’s last event', () => {
    const text = pdftotext(files.get('case') ?? '');
    for (const heading of [
      'Device',
      'Advisory',
      'Status',
      'Patient-safety gate',
      'Checklists',
      'Sign-offs',
      'State history',
    ]) {
      expect(text).toContain(heading);
    }
    const last = t.rt.services.db
      .prepare(
        `SELECT id, hash FROM audit_events WHERE entity_type = 'case' AND (entity_id = ? OR entity_id LIKE ?) ORDER BY id DESC LIMIT 1`,
      )
      .get(String(t.demo.cases['NM-0001']), `${t.demo.cases['NM-0001']}:%`) as {
      id: number;
      hash: string;
    };
    expect(text).toContain(`Audit reference: event #${last.id}, hash ${last.hash}`);
    // Sign-offs with the statement attested and their status; the gate's verdict.
    expect(text).toContain('I confirm that patient safety and treatment are not at risk');
    expect(text).toMatch(/valid/);
    expect(text).toContain('Verdict');
  });
});

describe('exports.* for the UI', () => {
  it('refuses while the signing key is locked, saying it must be unlocked', async () => {
    const api = t.rt.client(operator);
    await api.value('signing.lock', {});
    const nm1 = demoCase(t.demo, 'NM-0001');
    for (const r of [
      await api.call('exports.casePdf', { caseId: nm1 }),
      await api.call('exports.incidentPdf', { incidentId: t.demo.incidentId, report: 'summary' }),
      await api.call('exports.blankPdf', { templateId: 'icsma-standalone-response' }),
      await api.call('exports.casePdfs', { caseIds: [nm1] }),
    ]) {
      expect(r).toMatchObject({
        ok: false,
        error: {
          code: 'forbidden',
          message: expect.stringContaining('signing key is locked') as string,
        },
      });
    }
    await api.value('signing.unlock', { passphrase: testPassphrase });
  });

  it('refuses a relative folder or one with ".." for a batch', async () => {
    for (const directory of ['exports/here', `${t.out.dir}/../elsewhere`]) {
      const r = await t.rt.client(operator).call('exports.casePdfs', {
        caseIds: [demoCase(t.demo, 'NM-0001')],
        directory,
      });
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      if (!r.ok) expect(r.error.message).toMatch(/not an absolute path|contains "\.\."/);
    }
  });

  it('refuses a network folder for a batch: UNC in either slash style, a URL', async () => {
    for (const directory of [
      '\\\\server\\share\\exports',
      '//server/share/exports',
      'smb://server/share',
    ]) {
      const r = await t.rt.client(operator).call('exports.casePdfs', {
        caseIds: [demoCase(t.demo, 'NM-0001')],
        directory,
      });
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      if (!r.ok) expect(r.error.message).toContain('is not a local folder');
    }
  });

  it('ends at once with a storage error when the batch folder cannot be created', async () => {
    const r = await t.rt.client(operator).call('exports.casePdfs', {
      caseIds: [demoCase(t.demo, 'NM-0001')],
      directory: '/proc/nope/exports',
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'storage_error' } });
    if (!r.ok)
      expect(r.error.message).toContain('export folder /proc/nope/exports cannot be created');
  });

  it('writes one signed file per case in a batch, with progress to poll, and names the failures', async () => {
    const api = t.rt.client(operator);
    const caseIds = [...Object.values(t.demo.cases), 999_999];
    const { jobId, directory, total } = await api.value('exports.casePdfs', { caseIds });
    expect(total).toBe(caseIds.length);
    expect(directory.startsWith(path.join(t.rt.dir, 'exports'))).toBe(true);
    // Polled while it runs, the job counts what it has done so far; then it is awaited, not slept on.
    const running = await api.value('exports.progress', { jobId });
    expect(running.done).toBeLessThanOrEqual(total);
    await waitForJob(t.rt.services, jobId);
    const progress = await api.value('exports.progress', { jobId });
    expect(progress).toMatchObject({ state: 'done', done: total, failures: [{ caseId: 999_999 }] });
    expect(progress.files).toHaveLength(caseIds.length - 1);
    expect(fs.readdirSync(directory).sort()).toEqual([...progress.files].sort());
    const first = path.join(directory, progress.files[0] ?? '');
    expect(pdfsig(first).signatureLine).toBe('Signature is Valid.');
  });

  it('is refused to a technologist (records are read by the other roles)', async () => {
    await signInAs(t.rt, 'technologist');
    const r = await t.rt.client().call('exports.casePdf', { caseId: demoCase(t.demo, 'NM-0001') });
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('the case PDF names the station where each history entry was made', () => {
  it('once this installation is a station; a PDF made before still matches its record', async () => {
    await t.rt.client(operator).value('stations.init', { name: 'NM laptop 2' });
    const pdf = await t.rt
      .client(operator)
      .value('exports.casePdf', { caseId: demoCase(t.demo, 'NM-0001'), language: 'de' });
    const file = path.join(t.out.dir, 'station', pdf.fileName);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, Buffer.from(pdf.base64, 'base64'));
    const text = pdftotext(file).replace(/\s+/g, ' ');
    expect(text).toContain('Station');
    expect(text.split('NM laptop 2').length - 1).toBeGreaterThanOrEqual(5);
    expect((await verifyPdf(t.rt.services, fs.readFileSync(file))).problems).toEqual([]);
    // Rebuilt as of its anchor, the record of the earlier PDF names no station, as it did not.
    const earlier = await verifyPdf(t.rt.services, fs.readFileSync(files.get('case') ?? ''));
    expect(earlier.problems).toEqual([]);
    expect(earlier.content).toMatchObject({ checked: true, matches: true });
    pdftoppm(file, pagesDir, 'case-station');
  });
});

describe('verify-pdf compares the content with the record as of the PDF', () => {
  it('is an audit event: which file, for which record, by whom, and the verdict', async () => {
    const file = files.get('case') ?? '';
    const pdf = fs.readFileSync(file);
    const before = t.rt.services.db.prepare('SELECT max(id) FROM audit_events').pluck().get();
    const report = await t.rt
      .client(operator)
      .value('exports.verifyPdf', { fileName: 'case.pdf', base64: pdf.toString('base64') });
    expect(report.valid).toBe(true);
    const rows = t.rt.services.db
      .prepare('SELECT entity_type, entity_id, body FROM audit_events WHERE id > ?')
      .all(before) as { entity_type: string; entity_id: string; body: string }[];
    expect(rows.map((r) => [r.entity_type, r.entity_id])).toEqual([
      ['verification', `case:${t.demo.cases['NM-0001']}`],
    ]);
    const event = JSON.parse(rows[0]?.body ?? '{}') as {
      action: string;
      actorRole: string;
      payload: Record<string, unknown>;
    };
    expect(event).toMatchObject({
      action: 'pdf.verified',
      actorRole: 'operator',
      payload: {
        fileName: 'case.pdf',
        sha256: crypto.createHash('sha256').update(pdf).digest('hex'),
        documentKind: 'case',
        valid: true,
        problems: [],
      },
    });
  });

  it('matches the record as of the PDF after the case moved on, and lists the recorded changes', async () => {
    const pdf = fs.readFileSync(files.get('case-cjk-assignee') ?? '');
    await signInAs(t.rt, 'incident_commander');
    await t.rt.client().value('cases.assign', {
      caseIds: [demoCase(t.demo, 'NM-0003')],
      assigneeUserId: null,
    });
    const report = await verifyPdf(t.rt.services, pdf);
    expect(report.valid).toBe(true);
    expect(report.content).toMatchObject({
      checked: true,
      matches: true,
      changedSections: [],
      alteredSections: [],
    });
    // As of the chain head the PDF left with: at or after its record's own last event.
    expect(report.content?.asOfEventId).toBeGreaterThanOrEqual(
      report.document?.auditReference?.eventId ?? Infinity,
    );
    expect(report.content?.laterEvents.map((e) => e.action)).toEqual(['case.assigned']);
  });

  it('fails when the tables say something else than the audit trail, though the PDF matches it', async () => {
    const pdf = fs.readFileSync(files.get('case') ?? '');
    t.rt.services.db
      .prepare("UPDATE devices SET serial_number = 'SN-FORGED' WHERE asset_tag = 'NM-0001'")
      .run();
    const report = await verifyPdf(t.rt.services, pdf);
    expect(report.valid).toBe(false);
    expect(report.problems.map((p) => p.code)).toEqual(['content_mismatch']);
    expect(report.problems[0]?.message).toContain('changed outside the app');
    expect(report.content).toMatchObject({ matches: true, alteredSections: ['Device'] });
  });
});
