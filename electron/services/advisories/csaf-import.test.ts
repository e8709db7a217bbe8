import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../api/client';
import { germanError } from '../../api/test/german-words';
import type { AdvisoryDetail } from '../../api/domains/advisories';
import {
  csafFixtureFiles,
  csafFixturesDir,
  repoRoot,
  signInAs,
  startSignedIn,
  type TestRuntime,
} from '../test/temp-runtime';
import { compareTrackingVersions } from './revisions';

let rt: TestRuntime;

/** The value of a call that must succeed, typed from the API map. */
const call: ApiClient['value'] = (method, input) => rt.client().value(method, input);

const importText = (fileName: string, content: string) =>
  call('advisories.import', { fileName, content });
const importFile = (file: string) => importText(path.basename(file), fs.readFileSync(file, 'utf8'));
const fixture = (name: string) =>
  JSON.parse(fs.readFileSync(path.join(csafFixturesDir, name), 'utf8')) as Record<string, unknown>;
const count = (table: string) =>
  rt.services.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

async function getByTracking(trackingId: string): Promise<AdvisoryDetail> {
  const list = await call('advisories.list', {});
  const found = list.find((a) => a.trackingId === trackingId);
  if (!found) throw new Error(`${trackingId} not listed`);
  return call('advisories.get', { id: found.id });
}

describe('CSAF advisory import', () => {
  beforeEach(async () => (rt = await startSignedIn('biomed')));
  afterEach(() => rt.cleanup());

  it('imports every real file of the fixtures, and reports each unchanged the second time', async () => {
    expect(csafFixtureFiles.length).toBeGreaterThanOrEqual(17);
    for (const file of csafFixtureFiles) {
      const r = await importFile(file);
      expect(r, path.basename(file)).toMatchObject({ outcome: 'imported', messages: [] });
      expect(r.sha256).toBe(createHash('sha256').update(fs.readFileSync(file)).digest('hex'));
    }
    for (const file of csafFixtureFiles) {
      expect((await importFile(file)).outcome).toBe('unchanged');
    }
    expect(count('advisories')).toBe(csafFixtureFiles.length);
    expect(count('advisory_revisions')).toBe(csafFixtureFiles.length);
    const list = await call('advisories.list', {});
    expect(list).toHaveLength(csafFixtureFiles.length);
    const siemens = list.find((a) => a.trackingId === 'ICSMA-17-215-02');
    expect(siemens).toMatchObject({
      vendors: ['Siemens'],
      cveCount: 4,
      highestCvss: 9.8,
      version: '1',
    });
    const events = rt.services.db
      .prepare(`SELECT count(*) FROM audit_events WHERE body LIKE '%"action":"advisory.imported"%'`)
      .pluck()
      .get();
    expect(events).toBe(csafFixtureFiles.length);
  });

  it('keeps the raw document byte for byte with its SHA-256', async () => {
    const file = path.join(csafFixturesDir, 'icsma-20-170-04.json');
    const r = await importFile(file);
    const row = rt.services.db
      .prepare('SELECT raw, sha256 FROM advisory_revisions WHERE advisory_id = ?')
      .get(r.advisoryId) as { raw: string; sha256: string };
    expect(row.raw).toBe(fs.readFileSync(file, 'utf8'));
    expect(row.sha256).toBe(r.sha256);
  });

  it('normalises the pitfalls the fixtures README lists', async () => {
    for (const file of csafFixtureFiles) await importFile(file);

    const isp = await getByTracking('ICSMA-18-058-02');
    expect(isp.advisory.products[0]).toMatchObject({
      vendor: 'Phillips',
      vendorKey: 'philips',
      productName: 'IntelliSpace Portal 8.0.x',
    });
    const cvssVersions = new Set(
      isp.advisory.vulnerabilities.flatMap((v) => v.scores.map((s) => s.version)),
    );
    expect([...cvssVersions].sort()).toEqual(['3.0', '3.1']);

    const digi = await getByTracking('ICSA-23-243-04');
    expect(digi.vendors).toEqual(['Digi International, Inc.']);
    expect(digi.advisory.products.some((p) => p.statuses.includes('known_not_affected'))).toBe(
      true,
    );

    const alaris = await getByTracking('ICSMA-23-194-01');
    const twoScores = alaris.advisory.vulnerabilities.find((v) => v.cve === 'CVE-2023-30562');
    expect(twoScores?.scores.map((s) => [s.version, s.baseScore])).toEqual([
      ['3.0', 6.7],
      ['3.1', 3],
    ]);
    expect(twoScores?.scores[1]?.productIds).toEqual(['CSAFPID-0006']);
    // Paragraphs split into ~20 entries per CVE and repeated for 8 CVEs: joined and listed once.
    const raw = fixture('icsma-23-194-01.json') as {
      vulnerabilities: { remediations: unknown[] }[];
    };
    const rawCount = raw.vulnerabilities.reduce((n, v) => n + v.remediations.length, 0);
    expect(rawCount).toBeGreaterThan(100);
    expect(alaris.advisory.remediations.length).toBeLessThan(12);
    const merged = alaris.advisory.remediations.find((r) =>
      r.details.startsWith('BD has releaed BD Alaris System 12.3'),
    );
    expect(merged?.details).toContain('For more information, refer to BD');
    expect(merged?.cves.length).toBeGreaterThan(1);
    expect(merged?.urls.length).toBe(2);

    const schneider = await getByTracking('ICSA-24-289-02');
    expect(schneider.version).toBe('1.0.0');
    expect(schneider.advisory.products.find((p) => p.version === '8.2')?.statuses).toEqual([
      'fixed',
    ]);

    const simatic = await getByTracking('ICSA-24-256-09');
    expect(simatic.advisory.products.find((p) => p.productId === 'CSAFPID-0006')).toMatchObject({
      versionRange: 'vers:all/<V3.5.20',
      modelNumbers: ['6GK7243-8RX30-0XE0'],
    });
    expect(simatic.advisory.remediations.map((r) => r.category)).toEqual(
      expect.arrayContaining(['no_fix_planned', 'workaround', 'vendor_fix']),
    );

    const portal = await getByTracking('ICSMA-24-249-01');
    expect(portal.advisory.products[0]?.versionRange).toBe('<8/30/2024');
    expect(portal.advisory.vulnerabilities[0]?.cwe?.id).toMatch(/^CWE-/);
  });

  it('stores a newer revision with its history, reports the same one unchanged and refuses an older one', async () => {
    const original = fs.readFileSync(path.join(csafFixturesDir, 'icsma-17-215-02.json'), 'utf8');
    expect((await importText('v1.json', original)).outcome).toBe('imported');

    const doc = JSON.parse(original) as {
      document: {
        tracking: { version: string; current_release_date: string; revision_history: object[] };
      };
    };
    doc.document.tracking.version = '2';
    doc.document.tracking.current_release_date = '2017-08-10T00:00:00.000000Z';
    doc.document.tracking.revision_history.push({
      number: '2',
      date: '2017-08-10T00:00:00.000000Z',
      summary: 'Vendor softened the advice.',
    });
    const v2 = JSON.stringify(doc, null, 2);
    const revised = await importText('v2.json', v2);
    expect(revised).toMatchObject({ outcome: 'revised', version: '2', previousVersion: '1' });

    if (revised.advisoryId === null) throw new Error('the revision names no advisory');
    const detail = await call('advisories.get', { id: revised.advisoryId });
    expect(detail.version).toBe('2');
    expect(detail.revisions.map((r) => [r.version, r.current])).toEqual([
      ['2', true],
      ['1', false],
    ]);

    // The same revision, formatted differently, is the same document.
    expect((await importText('v2-compact.json', JSON.stringify(doc))).outcome).toBe('unchanged');
    const older = await importText('v1-again.json', original);
    expect(older.outcome).toBe('refused');
    expect(older.messages[0]).toMatch(/older than the stored revision 2/);

    doc.document.tracking.revision_history[1] = {
      number: '2',
      date: '2017-08-10T00:00:00.000000Z',
      summary: 'Other text.',
    };
    const conflicting = await importText('v2-other.json', JSON.stringify(doc));
    expect(conflicting.outcome).toBe('refused');
    expect(conflicting.messages[0]).toMatch(/already stored with different content/);

    expect(count('advisory_revisions')).toBe(2);
    const revisedEvent = rt.services.db
      .prepare(`SELECT body FROM audit_events WHERE body LIKE '%"action":"advisory.revised"%'`)
      .pluck()
      .get() as string;
    expect(JSON.parse(revisedEvent).payload).toMatchObject({
      previousVersion: '1',
      version: '2',
      flaggedCases: 0,
    });
  });

  it('keeps the bundled summary and CISA’s document apart (same tracking ID, other publisher)', async () => {
    await importFile(path.join(repoRoot, 'resources/advisories/icsma-17-215-02.json'));
    expect((await importFile(path.join(csafFixturesDir, 'icsma-17-215-02.json'))).outcome).toBe(
      'imported',
    );
    expect(count('advisories')).toBe(2);
  });

  it('refuses invalid documents with the validator’s messages, and stores nothing', async () => {
    const notCsaf = await importText(
      'package.json',
      fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'),
    );
    expect(notCsaf.outcome).toBe('refused');
    // People read the field in plain words; the schema path and the validator's words are details.
    expect(notCsaf.messages).toContain('The document as a whole: the field "document" is missing.');
    expect(notCsaf.messages.join('\n')).not.toMatch(/required property|\(schema\)/);
    const technical = (r: typeof notCsaf) => (r.problems ?? []).map((p) => p.technical).join('\n');
    expect(technical(notCsaf)).toMatch(/^\/: must have required property 'document' \(schema\)$/m);
    const german = (notCsaf.problems ?? []).map((p) => germanError({ words: p.words }));
    expect(german).toContain('Das Dokument als Ganzes: Das Feld „document“ fehlt.');

    const broken = fixture('icsma-17-215-02.json') as {
      vulnerabilities: { product_status: { known_affected: string[] } }[];
    };
    broken.vulnerabilities[0]?.product_status.known_affected.push('CSAFPID-9999');
    const mandatory = await importText('broken.json', JSON.stringify(broken));
    expect(mandatory.outcome).toBe('refused');
    expect(technical(mandatory)).toMatch(/mandatory test 6\.1\.1/);
    expect(mandatory.messages.join('\n')).toMatch(/^vulnerabilities › no\. 1 › product status/m);

    const notJson = await importText('notes.txt', 'this is not { json');
    expect(notJson).toMatchObject({ outcome: 'refused' });
    expect(notJson.messages[0]).toMatch(/is not JSON/);

    const binary = await importText('image.json', '\u0000\u0001PNG');
    expect(binary.messages[0]).toMatch(/binary/);
    expect(count('advisories')).toBe(0);
    expect(count('advisory_revisions')).toBe(0);
  });

  it('refuses a file over 10 MB before parsing it', async () => {
    const r = await rt.client().call('advisories.import', {
      fileName: 'huge.json',
      content: ' '.repeat(10 * 1024 * 1024 + 1),
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/larger than 10 MB/);
  });

  it('is refused to a technologist (imports belong to biomed, IT security, admin)', async () => {
    await signInAs(rt, 'technologist');
    const r = await rt.client().call('advisories.import', { fileName: 'a.json', content: '{}' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('forbidden');
  });
});

describe('tracking version order', () => {
  it.each([
    ['1', '2', -1],
    ['4', '10', -1],
    ['1.0.0', '1', 0],
    ['1.0.0', '1.0.1', -1],
    ['2.0.0-rc.1', '2.0.0', -1],
    ['2.0.0-rc.2', '2.0.0-rc.10', -1],
    ['1.0.0+build.5', '1.0.0', 0],
    ['2', 'draft', null],
  ] as const)('%s against %s → %s', (a, b, expected) => {
    const c = compareTrackingVersions(a, b);
    expect(c === null ? null : Math.sign(c)).toBe(expected);
  });
});
