import { labelInSentence } from '../../api/label-in-sentence';
import type { Language } from '../../api/languages';
import { localizeSections, playbookWords } from '../../api/playbook-words';
import type { Services } from '../core/context';
import type { AnyItem, PlaybookItem, PlaybookTemplate, RowField } from '../playbooks/schema';
import { getSetting } from '../settings/settings';
import { currentIdentity } from '../signing/identity-store';
import type { CellPart, PdfBlock, PdfDocumentModel, TableCell } from './model';
import { exportSignedPdf } from './sign';
import { pdfWords, type PdfWords } from './words';

type CheckboxItem = Extract<PdfBlock, { kind: 'checkboxes' }>['items'][number];

function formatValue(value: unknown, target: AnyItem | undefined, t: PdfWords): string {
  if (typeof value === 'boolean') return t(value ? 'blank.yes' : 'blank.no');
  if (target?.type === 'choice') {
    return target.options.find((o) => o.value === value)?.label ?? String(value);
  }
  return String(value);
}

/** "Only if …": on paper the reader applies the template's conditions themselves. */
function conditionText(
  item: AnyItem,
  scope: Map<string, AnyItem>,
  t: PdfWords,
): string | undefined {
  const when = item.showWhen;
  if (!when) return undefined;
  const target = scope.get(when.item);
  const name = target ? `“${target.label}”` : when.item;
  if (when.atLeast !== undefined) return t('blank.onlyIfAtLeast', { name, value: when.atLeast });
  const values = when.oneOf ?? (when.equals !== undefined ? [when.equals] : []);
  return t('blank.onlyIf', {
    name,
    values: values.map((v) => formatValue(v, target, t)).join(t('blank.or')),
  });
}

/** What to write on the line for items answered with a value rather than a tick. */
function writeInLabel(item: AnyItem, t: PdfWords): string {
  switch (item.type) {
    case 'number':
      return item.unit ? t('blank.valueUnit', { unit: item.unit }) : t('blank.value');
    case 'count':
      return t('blank.count');
    case 'datetime':
      return t('blank.dateTime');
    default:
      return t('blank.answer');
  }
}

function hints(item: AnyItem, scope: Map<string, AnyItem>, t: PdfWords): string | undefined {
  const parts: string[] = [];
  const condition = conditionText(item, scope, t);
  if (condition) parts.push(condition);
  if (item.type === 'number') {
    const unit = item.unit ? ` ${item.unit}` : '';
    parts.push(t('blank.between', { min: item.min, max: item.max, unit }));
  }
  if ((item.type === 'yes_no' || item.type === 'choice') && item.passWhen) {
    const values = item.passWhen.oneOf ?? [item.passWhen.equals];
    parts.push(
      t('blank.passesWhen', {
        values: values.map((v) => formatValue(v, item, t)).join(t('blank.or')),
      }),
    );
  }
  if (item.required === false) parts.push(t('blank.optional'));
  if (item.help) parts.push(item.help);
  return parts.length ? parts.join(' ') : undefined;
}

function answerCell(item: AnyItem, t: PdfWords): CellPart[] {
  switch (item.type) {
    case 'yes_no':
      return [{ boxes: [t('blank.yes'), t('blank.no')] }];
    case 'choice':
      return [{ boxes: item.options.map((o) => o.label) }];
    case 'text':
      // Room for the longest answer the template allows: one line per ~60 characters.
      return Array.from({ length: item.maxLength > 60 ? 2 : 1 }, () => ({ writeIn: '' }));
    default:
      return [{ writeIn: writeInLabel(item, t) }];
  }
}

function checkboxItem(item: AnyItem, scope: Map<string, AnyItem>, t: PdfWords): CheckboxItem {
  const hint = hints(item, scope, t);
  return { label: item.label, ...(hint ? { hint } : {}), answer: answerCell(item, t) };
}

/** A list item (e.g. injected patients waiting): a table with one empty row per entry. */
function listBlocks(
  item: Extract<PlaybookItem, { type: 'list' }>,
  scope: Map<string, AnyItem>,
  t: PdfWords,
): PdfBlock[] {
  const fieldScope = new Map<string, AnyItem>(item.fields.map((f) => [f.id, f]));
  const rows = Math.min(item.maxRows, Math.max(item.minRows, 4));
  const header = (f: RowField) => f.label + (f.type === 'number' && f.unit ? ` (${f.unit})` : '');
  const intro = [
    hints(item, scope, t),
    t('blank.rows', { row: labelInSentence(item.rowLabel, t.language), max: item.maxRows }),
  ]
    .filter(Boolean)
    .join(' ');
  return [
    { kind: 'heading', text: item.label, level: 2 },
    { kind: 'paragraph', text: intro, style: 'muted' },
    {
      kind: 'table',
      columns: [
        { header: '#', weight: 4 },
        ...item.fields.map((f) => ({ header: header(f), weight: 10 })),
      ],
      rows: Array.from({ length: rows }, (_, r): TableCell[] => [
        String(r + 1),
        ...item.fields.map((f): TableCell => {
          const condition = conditionText(f, fieldScope, t);
          const answer = answerCell(f, t).map((p) => ('writeIn' in p ? { writeIn: '' } : p));
          return condition ? [...answer, { text: condition, style: 'small' }] : answer;
        }),
      ]),
    },
  ];
}

/** The template's questions in the form's language (api/playbook-words.ts). */
function inLanguage(template: PlaybookTemplate, language: Language): PlaybookTemplate {
  const words = playbookWords(template.id, template.version, language);
  if (!words) return template;
  const { sections } = localizeSections(template.sections, words);
  return { ...template, title: words.title ?? template.title, sections };
}

export interface BlankChecklistContext {
  facility: string;
  generatedAt: Date;
  timeZone?: string;
  language?: Language;
}

/**
 * A template as a paper form for downtime: the same sections and items, boxes to tick, lines
 * to write on, who and when for each item, and signature lines at the end.
 */
export function blankChecklistDocument(
  shipped: PlaybookTemplate,
  context: BlankChecklistContext,
): PdfDocumentModel {
  const t = pdfWords(context.language);
  const template = inLanguage(shipped, context.language ?? 'en');
  const scope = new Map<string, AnyItem>();
  for (const section of template.sections)
    for (const item of section.items) scope.set(item.id, item);
  const blocks: PdfBlock[] = [
    {
      kind: 'paragraph',
      text: t('blank.intro'),
      style: 'muted',
    },
    {
      kind: 'handFields',
      fields: [
        { label: t('blank.assetTag'), weight: 1 },
        { label: t('blank.deviceLocation'), weight: 2 },
        { label: t('blank.incident'), weight: 1.4 },
      ],
    },
  ];
  for (const section of template.sections) {
    blocks.push({ kind: 'heading', text: section.title });
    if (section.help) blocks.push({ kind: 'paragraph', text: section.help, style: 'muted' });
    let pending: CheckboxItem[] = [];
    const flush = () => {
      if (pending.length) blocks.push({ kind: 'checkboxes', items: pending });
      pending = [];
    };
    for (const item of section.items) {
      if (item.type === 'list') {
        flush();
        blocks.push(...listBlocks(item, scope, t));
      } else {
        pending.push(checkboxItem(item, scope, t));
      }
    }
    flush();
  }
  blocks.push(
    { kind: 'heading', text: t('blank.completedBy') },
    ...Array.from({ length: 3 }, (): PdfBlock => ({
      kind: 'handFields',
      fields: [
        { label: t('blank.name'), weight: 1.4 },
        { label: t('blank.role'), weight: 1 },
        { label: t('blank.signature'), weight: 1.4 },
        { label: t('blank.dateTime'), weight: 1 },
      ],
    })),
  );
  const named = { id: template.id, version: template.version };
  return {
    kind: 'checklist.blank',
    title: t('blank.title', { template: template.title }),
    subtitle: t('blank.subtitle', named),
    facility: context.facility,
    generatedAt: context.generatedAt,
    ...(context.timeZone ? { timeZone: context.timeZone } : {}),
    ...(context.language && context.language !== 'en' ? { language: context.language } : {}),
    subjects: [{ entityType: 'playbook_template', entityId: `${template.id}@${template.version}` }],
    auditReference: null,
    signatureReason: t('blank.signatureReason', named),
    blocks,
  };
}

/** The facility's name and zone for printed documents (the organisation's name before setup). */
export function documentFacility(services: Services): { facility: string; timeZone?: string } {
  const facility = getSetting<{ name?: string; timezone?: string }>(services.db, 'facility');
  const name =
    facility?.name ?? /CN=([^,]+)/.exec(currentIdentity(services.db)?.subject ?? '')?.[1];
  return {
    facility: name ?? 'Standalone',
    ...(facility?.timezone ? { timeZone: facility.timezone } : {}),
  };
}

/** The signed blank checklist of a template, ready to save. */
export function renderBlankChecklist(
  services: Services,
  template: PlaybookTemplate,
): Promise<Buffer> {
  const model = blankChecklistDocument(template, {
    ...documentFacility(services),
    generatedAt: services.clock.now(),
  });
  return exportSignedPdf(services, model);
}
