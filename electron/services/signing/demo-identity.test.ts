import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSigningMarker, demoSigningPassphrase } from '../../api/domains/signing';
import { demoTimeNow, operator } from '../pdf/test/demo-exports';
import { pdfPageCount, pdfsig, pdftotext } from '../pdf/independent-tools';
import { startTestRuntime, tempDir, walkThroughDemo, type TestRuntime } from '../test/temp-runtime';
import { setUpSigningIdentity } from './test/test-identity';

const demoPin = (staffId: string) => {
  const users = JSON.parse(
    fs.readFileSync(path.join(import.meta.dirname, '../../../resources/demo/users.json'), 'utf8'),
  ) as { staffId: string; pin: string }[];
  return users.find((u) => u.staffId === staffId)?.pin ?? '';
};

describe('the demo facility is ready to export', () => {
  let rt: TestRuntime;
  let out: ReturnType<typeof tempDir>;
  beforeAll(async () => {
    rt = startTestRuntime(demoTimeNow);
    out = tempDir('standalone-demo-identity-');
    await walkThroughDemo(rt);
  }, 300_000);
  afterAll(() => {
    rt.cleanup();
    out.cleanup();
  });

  it('comes with a demo identity, marked in its certificate subject, locked', async () => {
    const status = await rt.client(operator).value('signing.status', {});
    expect(status).toMatchObject({ configured: true, unlocked: false });
    expect(status.identity?.demo).toBe(true);
    expect(status.identity?.subject).toContain(demoSigningMarker);
  });

  it('lets the commander unlock it and export a signed case PDF that says DEMO on every page', async () => {
    const api = rt.client();
    const users = await api.value('session.listUsers', {});
    const commander = users.find((u) => u.staffId === 'DEMO-IC');
    if (!commander) throw new Error('no demo commander');
    await api.value('session.signIn', { userId: commander.id, secret: demoPin('DEMO-IC') });
    await api.value('signing.unlock', { passphrase: demoSigningPassphrase });
    const { cases } = await api.value('cases.list', {});
    const nm1 = cases.find((c) => c.assetTag === 'NM-0001');
    if (!nm1) throw new Error('no NM-0001 case');
    const pdf = await api.value('exports.casePdf', { caseId: nm1.caseId });
    const file = path.join(out.dir, pdf.fileName);
    fs.writeFileSync(file, Buffer.from(pdf.base64, 'base64'));

    const sig = pdfsig(file);
    expect(sig.signatureLine).toBe('Signature is Valid.');
    expect(sig.output).toContain(demoSigningMarker);
    const pages = pdftotext(file)
      .split('\f')
      .filter((p) => p.trim() !== '');
    expect(pages.length).toBe(pdfPageCount(file));
    for (const page of pages) expect(page).toContain(demoSigningMarker);

    // A German station's PDF says it in German on every page; the certificate keeps its subject.
    const german = await api.value('exports.casePdf', { caseId: nm1.caseId, language: 'de' });
    const germanFile = path.join(out.dir, `de-${german.fileName}`);
    fs.writeFileSync(germanFile, Buffer.from(german.base64, 'base64'));
    const germanSig = pdfsig(germanFile);
    expect(germanSig.signatureLine).toBe('Signature is Valid.');
    expect(germanSig.output).toContain(demoSigningMarker);
    const germanPages = pdftotext(germanFile)
      .split('\f')
      .filter((p) => p.trim() !== '');
    expect(germanPages.length).toBe(pdfPageCount(germanFile));
    for (const page of germanPages) expect(page).toContain('DEMO – nicht für echte Unterlagen');
  });

  it('is replaced by a real identity, and never replaces one set up before', async () => {
    const fresh = startTestRuntime(demoTimeNow);
    try {
      const real = await setUpSigningIdentity(fresh);
      // Set up before: a real administrator exists, so the demo is not loaded at all, and the
      // hospital's own identity stays.
      const refused = await fresh.client(operator).call('demo.load', {});
      expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
      const status = await fresh.client(operator).value('signing.status', {});
      expect(status.identity).toMatchObject({
        fingerprintSha256: real.fingerprintSha256,
        demo: false,
      });
    } finally {
      fresh.cleanup();
    }
    // Generated after the demo: the demo identity is retired.
    const api = rt.client();
    const admin = (await api.value('session.listUsers', {})).find(
      (u) => u.staffId === 'DEMO-ADMIN',
    );
    if (!admin) throw new Error('no demo administrator');
    await api.value('session.signOut', {});
    await api.value('session.signIn', { userId: admin.id, secret: demoPin('DEMO-ADMIN') });
    const generated = await api.value('signing.generate', {
      organisation: 'Kantonsspital Zürich-Nord',
      passphrase: 'a real passphrase, long',
    });
    expect(generated.demo).toBe(false);
    expect(generated.subject).not.toContain(demoSigningMarker);
  });
});
