import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPlaybooks } from '../playbooks/load';
import type { PlaybookTemplate } from '../playbooks/schema';
import { loadDemoWithSigningIdentity } from '../signing/test/test-identity';
import { startTestRuntime, tempDir, type TestRuntime } from '../test/temp-runtime';
import { blankChecklistDocument, renderBlankChecklist } from './blank-checklist';
import {
  misplacedWords,
  pdfPageCount,
  pdfWords,
  pdfsig,
  pdftoppm,
  pdftotext,
  qpdfCheck,
} from './independent-tools';
import { verifyPdf } from './verify';

let rt: TestRuntime;
let out: ReturnType<typeof tempDir>;
let template: PlaybookTemplate;
let file: string;
let pdf: Buffer;

beforeAll(async () => {
  rt = startTestRuntime();
  out = tempDir('standalone-blank-');
  await loadDemoWithSigningIdentity(rt);
  const library = loadPlaybooks(path.join(rt.services.resourcesDir, 'playbooks'));
  const first = library.templates[0];
  if (!first) throw new Error('no playbook template shipped');
  template = first;
  pdf = await renderBlankChecklist(rt.services, template);
  file = path.join(out.dir, 'blank.pdf');
  fs.writeFileSync(file, pdf);
}, 180_000);
afterAll(() => {
  rt.cleanup();
  out.cleanup();
});

describe('a blank printable checklist from a playbook template', () => {
  it('has every section and item of the template, with boxes, lines and who/when to fill by hand', () => {
    const model = blankChecklistDocument(template, { facility: 'F', generatedAt: new Date(0) });
    const headings = model.blocks
      .filter((b) => b.kind === 'heading')
      .map((b) => (b as { text: string }).text);
    for (const section of template.sections) expect(headings).toContain(section.title);
    const labels = model.blocks.flatMap((b) =>
      b.kind === 'checkboxes' ? b.items.map((i) => i.label) : b.kind === 'heading' ? [b.text] : [],
    );
    for (const item of template.sections.flatMap((s) => s.items))
      expect(labels).toContain(item.label);
    expect(model).toMatchObject({
      kind: 'checklist.blank',
      subjects: [
        { entityType: 'playbook_template', entityId: `${template.id}@${template.version}` },
      ],
      auditReference: null,
    });
  });

  it('is signed (pdfsig), well-formed (qpdf) and readable (pdftotext), inside the margins', () => {
    expect(pdfsig(file).signatureLine).toBe('Signature is Valid.');
    expect(qpdfCheck(file).code).toBe(0);
    const text = pdftotext(file);
    for (const section of template.sections) expect(text).toContain(section.title);
    expect(text).toContain(`Playbook template ${template.id}, version ${template.version}`);
    expect(text).toContain('Kantonsspital Zürich-Nord (demo)');
    expect(text).toMatch(/Yes\s+No/);
    expect(text).toContain('Signature');
    expect(text).toContain('Audit reference: none');
    expect(misplacedWords(pdfWords(file))).toEqual([]);
    expect(pdftoppm(file, path.join(out.dir, 'pages'), 'blank')).toHaveLength(pdfPageCount(file));
  });

  it('verifies with verify-pdf as a blank form (no audit reference)', async () => {
    const report = await verifyPdf(rt.services, pdf);
    expect(report).toMatchObject({
      valid: true,
      audit: null,
      document: { kind: 'checklist.blank' },
    });
  });
});
