import { canonicalJson, sha256Hex } from '../audit/hash';
import type { PdfBlock, PdfDocumentModel } from './model';

/**
 * A hash of what a document says, so that `verify-pdf` can rebuild the document from the
 * database and tell whether it still says the same. Everything printed from the record is
 * covered: title, subtitle, facility, time zone, subjects and every block. Not covered: the
 * generation time (the rebuild uses the same one) and the audit reference (checked on its own).
 * Per-section hashes let verify-pdf name what changed ("Sign-offs", "Backup").
 */
export interface DocumentContent {
  sha256: string;
  sections: { title: string; sha256: string }[];
}

/** Dates become ISO strings and undefined fields disappear, as in JSON. */
function hashOf(value: unknown): string {
  return sha256Hex(canonicalJson(JSON.parse(JSON.stringify(value)) as unknown));
}

/** Blocks grouped under the heading (or checklist title) that starts each group. */
function sectionsOf(blocks: readonly PdfBlock[]): { title: string; blocks: PdfBlock[] }[] {
  const groups: { title: string; blocks: PdfBlock[] }[] = [{ title: 'Introduction', blocks: [] }];
  for (const block of blocks) {
    const title =
      block.kind === 'heading' ? block.text : block.kind === 'checklist' ? block.title : undefined;
    if (title !== undefined) groups.push({ title, blocks: [] });
    groups.at(-1)?.blocks.push(block);
  }
  const seen = new Map<string, number>();
  return groups
    .filter((g) => g.blocks.length > 0)
    .map((g) => {
      const n = (seen.get(g.title) ?? 0) + 1;
      seen.set(g.title, n);
      return n === 1 ? g : { ...g, title: `${g.title} (${n})` };
    });
}

export function documentContent(model: PdfDocumentModel): DocumentContent {
  const header = {
    kind: model.kind,
    title: model.title,
    subtitle: model.subtitle ?? null,
    facility: model.facility,
    timeZone: model.timeZone ?? null,
    subjects: model.subjects,
  };
  const sections = [
    { title: 'Document header', sha256: hashOf(header) },
    ...sectionsOf(model.blocks).map((s) => ({
      title: s.title.slice(0, 200),
      sha256: hashOf(s.blocks),
    })),
  ];
  // The whole is the hash of the section hashes in order: every block is serialised once.
  return { sha256: hashOf(sections), sections: sections.slice(0, 500) };
}

/** The titles of the sections that differ between what the PDF says and the rebuild. */
export function changedSections(pdf: DocumentContent, now: DocumentContent): string[] {
  const before = new Map(pdf.sections.map((s) => [s.title, s.sha256]));
  const after = new Map(now.sections.map((s) => [s.title, s.sha256]));
  const changed: string[] = [];
  for (const [title, hash] of after) {
    if (!before.has(title)) changed.push(`${title} (new)`);
    else if (before.get(title) !== hash) changed.push(title);
  }
  for (const title of before.keys()) if (!after.has(title)) changed.push(`${title} (gone)`);
  return changed;
}

/** What a PDF carries (its metadata) or a rebuild gives: the words' hash and the values' hash. */
export interface CarriedContent {
  content: DocumentContent;
  values?: DocumentContent | undefined;
}

/**
 * The sections' titles for people, by the title of their values: both hashes of one document
 * come from the same blocks, so their sections pair up by place.
 */
function titlesByValue({ content, values }: CarriedContent): Map<string, string> {
  const titles = new Map<string, string>();
  if (values?.sections.length !== content.sections.length) return titles;
  values.sections.forEach((s, i) => titles.set(s.title, content.sections[i]?.title ?? s.title));
  return titles;
}

/**
 * The PDF against the document rebuilt from the record. The words' hash matching is a match as
 * before; when only the words differ and both carry the values' hash and it matches, the PDF was
 * worded by another version (`reworded` names the sections, as worded today); otherwise the
 * sections that differ are named, by their values when both have them.
 */
export function compareContent(
  pdf: CarriedContent,
  now: CarriedContent,
): { matches: boolean; changedSections: string[]; reworded?: string[] } {
  if (pdf.content.sha256 === now.content.sha256) return { matches: true, changedSections: [] };
  if (!pdf.values || !now.values) {
    return { matches: false, changedSections: changedSections(pdf.content, now.content) };
  }
  if (pdf.values.sha256 === now.values.sha256) {
    // Equal values: the same sections in the same order, so the words pair up by place.
    const reworded = now.content.sections
      .filter((s, i) => pdf.content.sections[i]?.sha256 !== s.sha256)
      .map((s) => s.title);
    return { matches: true, changedSections: [], reworded };
  }
  const [pdfTitles, nowTitles] = [titlesByValue(pdf), titlesByValue(now)];
  return {
    matches: false,
    changedSections: changedSections(pdf.values, now.values).map((name) => {
      const [, title = name, suffix = ''] = /^(.*?)( \((?:new|gone)\))?$/s.exec(name) ?? [];
      // A section gone since the PDF has no title today: the PDF's own names it.
      const [first, second] =
        suffix === ' (gone)' ? [pdfTitles, nowTitles] : [nowTitles, pdfTitles];
      return `${first.get(title) ?? second.get(title) ?? title}${suffix}`;
    }),
  };
}
