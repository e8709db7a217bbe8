import type { Services } from '../core/context';
import type { AnyItem, PlaybookItem, PlaybookTemplate, RowField } from '../playbooks/schema';
import { getSetting } from '../settings/settings';
import { currentIdentity } from '../signing/identity-store';
import type { CellPart, PdfBlock, PdfDocumentModel, TableCell } from './model';
import { exportSignedPdf } from './sign';

type CheckboxItem = Extract<PdfBlock, { kind: 'checkboxes' }>['items'][number];

const yesNo = ['Yes', 'No'];

function formatValue(value: unknown, target: AnyItem | undefined): string {
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (target?.type === 'choice') {
    return target.options.find((o) => o.value === value)?.label ?? String(value);
  }
  return String(value);
}

/** "Only if …": on paper the reader applies the template's conditions themselves. */
function conditionText(item: AnyItem, scope: Map<string, AnyItem>): string | undefined {
  const when = item.showWhen;
  if (!when) return undefined;
  const target = scope.get(when.item);
  const name = target ? `“${target.label}”` : when.item;
  if (when.atLeast !== undefined) return `Only if ${name} is at least ${when.atLeast}.`;
  const values = when.oneOf ?? (when.equals !== undefined ? [when.equals] : []);
  return `Only if ${name} is ${values.map((v) => formatValue(v, target)).join(' or ')}.`;
}

/** What to write on the line for items answered with a value rather than a tick. */
function writeInLabel(item: AnyItem): string {
  switch (item.type) {
    case 'number':
      return item.unit ? `Value (${item.unit})` : 'Value';
    case 'count':
      return 'Count';
    case 'datetime':
      return 'Date, time';
    default:
      return 'Answer';
  }
}

function hints(item: AnyItem, scope: Map<string, AnyItem>): string | undefined {
  const parts: string[] = [];
  const condition = conditionText(item, scope);
  if (condition) parts.push(condition);
  if (item.type === 'number') {
    parts.push(`Between ${item.min} and ${item.max}${item.unit ? ` ${item.unit}` : ''}.`);
  }
  if ((item.type === 'yes_no' || item.type === 'choice') && item.passWhen) {
    const values = item.passWhen.oneOf ?? [item.passWhen.equals];
    parts.push(`Passes when: ${values.map((v) => formatValue(v, item)).join(' or ')}.`);
  }
  if (item.required === false) parts.push('Optional.');
  if (item.help) parts.push(item.help);
  return parts.length ? parts.join(' ') : undefined;
}

function answerCell(item: AnyItem): CellPart[] {
  switch (item.type) {
    case 'yes_no':
      return [{ boxes: yesNo }];
    case 'choice':
      return [{ boxes: item.options.map((o) => o.label) }];
    case 'text':
      // Room for the longest answer the template allows: one line per ~60 characters.
      return Array.from({ length: item.maxLength > 60 ? 2 : 1 }, () => ({ writeIn: '' }));
    default:
      return [{ writeIn: writeInLabel(item) }];
  }
}

function checkboxItem(item: AnyItem, scope: Map<string, AnyItem>): CheckboxItem {
  const hint = hints(item, scope);
  return { label: item.label, ...(hint ? { hint } : {}), answer: answerCell(item) };
}

/** A list item (e.g. injected patients waiting): a table with one empty row per entry. */
function listBlocks(
  item: Extract<PlaybookItem, { type: 'list' }>,
  scope: Map<string, AnyItem>,
): PdfBlock[] {
  const fieldScope = new Map<string, AnyItem>(item.fields.map((f) => [f.id, f]));
  const rows = Math.min(item.maxRows, Math.max(item.minRows, 4));
  const header = (f: RowField) => f.label + (f.type === 'number' && f.unit ? ` (${f.unit})` : '');
  const intro = [
    hints(item, scope),
    `One row per ${item.rowLabel.toLowerCase()}; at most ${item.maxRows}.`,
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
          const condition = conditionText(f, fieldScope);
          const answer = answerCell(f).map((p) => ('writeIn' in p ? { writeIn: '' } : p));
          return condition ? [...answer, { text: condition, style: 'small' }] : answer;
        }),
      ]),
    },
  ];
}

export interface BlankChecklistContext {
  facility: string;
  generatedAt: Date;
  timeZone?: string;
}

/**
 * A template as a paper form for downtime: the same sections and items, boxes to tick, lines
 * to write on, who and when for each item, and signature lines at the end.
 */
export function blankChecklistDocument(
  template: PlaybookTemplate,
  context: BlankChecklistContext,
): PdfDocumentModel {
  const scope = new Map<string, AnyItem>();
  for (const section of template.sections)
    for (const item of section.items) scope.set(item.id, item);
  const blocks: PdfBlock[] = [
    {
      kind: 'paragraph',
      text:
        'Paper form for downtime: fill in by hand, tick one box per question unless it says ' +
        'otherwise, and enter the answers into Standalone when it is available again.',
      style: 'muted',
    },
    {
      kind: 'handFields',
      fields: [
        { label: 'Asset tag', weight: 1 },
        { label: 'Device and location', weight: 2 },
        { label: 'Incident', weight: 1.4 },
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
        blocks.push(...listBlocks(item, scope));
      } else {
        pending.push(checkboxItem(item, scope));
      }
    }
    flush();
  }
  blocks.push(
    { kind: 'heading', text: 'Completed by' },
    ...Array.from({ length: 3 }, (): PdfBlock => ({
      kind: 'handFields',
      fields: [
        { label: 'Name', weight: 1.4 },
        { label: 'Role', weight: 1 },
        { label: 'Signature', weight: 1.4 },
        { label: 'Date, time', weight: 1 },
      ],
    })),
  );
  return {
    kind: 'checklist.blank',
    title: `Blank checklist — ${template.title}`,
    subtitle: `Playbook template ${template.id}, version ${template.version}`,
    facility: context.facility,
    generatedAt: context.generatedAt,
    ...(context.timeZone ? { timeZone: context.timeZone } : {}),
    subjects: [{ entityType: 'playbook_template', entityId: `${template.id}@${template.version}` }],
    auditReference: null,
    signatureReason: `Blank checklist from playbook template ${template.id} version ${template.version}`,
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
