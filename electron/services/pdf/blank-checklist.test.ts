import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPlaybooks } from '../playbooks/load';
import type { PlaybookTemplate } from '../playbooks/schema';
import { loadDemoWithSigningIdentity } from '../signing/test/test-identity';
import { blankChecklistDocument, renderBlankChecklist } from './blank-checklist';
import { pdftotext } from './independent-tools';
import { expectSoundSignedPdf, pdfUnderTest } from './test/pdf-under-test';
import { verifyPdf } from './verify';

let template: PlaybookTemplate;
const t = pdfUnderTest('blank', async (rt) => {
  await loadDemoWithSigningIdentity(rt);
  const library = loadPlaybooks(path.join(rt.services.resourcesDir, 'playbooks'));
  const first = library.templates[0];
  if (!first) throw new Error('no playbook template shipped');
  template = first;
  return renderBlankChecklist(rt.services, template);
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
    expectSoundSignedPdf(t);
    const text = pdftotext(t.file);
    for (const section of template.sections) expect(text).toContain(section.title);
    expect(text).toContain(`Playbook template ${template.id}, version ${template.version}`);
    expect(text).toContain('Kantonsspital Zürich-Nord (demo)');
    expect(text).toMatch(/Yes\s+No/);
    expect(text).toContain('Signature');
    expect(text).toContain('Audit reference: none');
  });

  it('verifies with verify-pdf as a blank form (no audit reference)', async () => {
    const report = await verifyPdf(t.rt.services, t.pdf);
    expect(report).toMatchObject({
      valid: true,
      audit: null,
      document: { kind: 'checklist.blank' },
    });
  });
});
