import type {
  AnswerValue,
  CaseDetail,
  CaseHistoryEntry,
  ChecklistItem,
  ChecklistSection,
} from '../../api/domains/cases';
import { roleLabels, signoffKinds, type Role } from '../../api/permissions';
import { stateLabels } from '../workflow/states';
import type { ChecklistEntry, PdfBlock, Tone } from './model';
import { formatTime } from './text';

/** The parts of a device case PDF that come from its checklist, sign-offs and history. */

export function roleLabel(role: string): string {
  return (roleLabels as Record<string, string | undefined>)[role] ?? role;
}

type Field = NonNullable<ChecklistItem['fields']>[number];

/** How one scalar reads to a person: Yes/No, an option's label, a number with its unit, a time. */
function scalarText(
  item: { type: string } & Pick<Field, 'options' | 'unit'>,
  value: unknown,
  timeZone: string | undefined,
): string {
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (item.type === 'choice') {
    return item.options?.find((o) => o.value === value)?.label ?? String(value);
  }
  if (item.type === 'number' && typeof value === 'number' && item.unit) {
    return `${value} ${item.unit}`;
  }
  if (item.type === 'datetime' && typeof value === 'string') {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? value : formatTime(new Date(ms), timeZone);
  }
  return String(value);
}

/** An answer in words; a list's rows one per line ("1. Radionuclide: F-18; Injected: …"). */
export function answerText(
  item: ChecklistItem,
  value: AnswerValue,
  timeZone: string | undefined,
): string {
  if (!Array.isArray(value)) return scalarText(item, value, timeZone);
  if (value.length === 0) return `No ${item.rowLabel?.toLowerCase() ?? 'rows'}`;
  return value
    .map((row, i) => {
      const parts = (item.fields ?? [])
        .filter((f) => row[f.id] !== undefined)
        .map((f) => `${f.label}: ${scalarText(f, row[f.id], timeZone)}`);
      return `${i + 1}. ${parts.join('; ')}`;
    })
    .join('\n');
}

function answerTone(item: ChecklistItem, value: AnswerValue): Tone | undefined {
  const pass = item.passWhen;
  if (!pass || Array.isArray(value)) return undefined;
  const ok =
    pass.equals !== undefined
      ? value === pass.equals
      : pass.oneOf !== undefined
        ? pass.oneOf.includes(value)
        : pass.atLeast !== undefined
          ? typeof value === 'number' && value >= pass.atLeast
          : true;
  return ok ? 'ok' : 'warn';
}

function sectionEntries(section: ChecklistSection, timeZone: string | undefined): ChecklistEntry[] {
  return section.items.map((item): ChecklistEntry => {
    const a = item.answer;
    if (!a) return { item: item.label, answer: '' };
    const tone = answerTone(item, a.value);
    return {
      item: item.label,
      answer: answerText(item, a.value, timeZone),
      by: `${a.by.name ?? 'System'} · ${roleLabel(a.by.role)}`,
      at: new Date(a.at),
      ...(tone ? { tone } : {}),
    };
  });
}

/**
 * Every section of the template, in its order. A section nobody has touched is one line (its
 * items stay on the blank checklist), so a case that never went through quarantine does not
 * carry pages of empty evidence questions.
 */
export function checklistBlocks(detail: CaseDetail, timeZone: string | undefined): PdfBlock[] {
  const blocks: PdfBlock[] = [];
  for (const section of detail.template.sections) {
    const { answered, visible, done, complete } = section.status;
    if (answered === 0) {
      blocks.push(
        { kind: 'heading', text: section.title, level: 2 },
        {
          kind: 'paragraph',
          text: `Not started: none of its ${visible} questions answered.`,
          style: 'muted',
        },
      );
      continue;
    }
    const status = done
      ? `Done: ${answered} of ${visible} answered, every check passes.`
      : complete
        ? `Complete: ${answered} of ${visible} answered; some checks do not pass.`
        : `In progress: ${answered} of ${visible} answered.`;
    blocks.push({
      kind: 'checklist',
      title: section.title,
      entries: sectionEntries(section, timeZone),
    });
    blocks.push({
      kind: 'paragraph',
      text: [status, ...section.status.problems.map((p) => `${p.label}: ${p.message}`)].join(' '),
      style: 'small',
      tone: done ? 'ok' : complete ? 'warn' : undefined,
    });
  }
  return blocks;
}

export function signOffBlocks(detail: CaseDetail): PdfBlock[] {
  if (detail.signoffs.length === 0) {
    return [{ kind: 'paragraph', text: 'No sign-offs given on this case.', style: 'muted' }];
  }
  return [
    {
      kind: 'signOffs',
      entries: detail.signoffs.map((s) => ({
        name: s.userName,
        role: `${roleLabel(s.role)} · ${kindLabel(s.kind)}`,
        time: new Date(s.signedAt),
        statement: s.statement,
        status: s.stale ? 'stale' : 'valid',
      })),
    },
    {
      kind: 'paragraph',
      text:
        'A stale sign-off was given on checklist answers that changed afterwards: it no longer ' +
        'counts for the workflow and is kept here as part of the record.',
      style: 'small',
    },
  ];
}

function kindLabel(kind: string): string {
  const known = kind in signoffKinds;
  const words = kind.replace(/_/g, ' ');
  return known ? words.charAt(0).toUpperCase() + words.slice(1) : kind;
}

const eventLabels: Record<CaseHistoryEntry['event'], string> = {
  opened: 'Opened',
  transition: 'State changed',
  assigned: 'Assigned',
  review_flagged: 'New advisory revision',
  review_acknowledged: 'Revision acknowledged',
};

function historyNote(h: CaseHistoryEntry, timeZone: string | undefined): string {
  const d = h.detail;
  const parts: string[] = [];
  if (typeof d.action === 'string') parts.push(d.action);
  if (typeof d.reason === 'string') parts.push(`Reason: ${d.reason}`);
  if (typeof d.note === 'string') parts.push(`Note: ${d.note}`);
  if (Array.isArray(d.notes)) parts.push(...d.notes.filter((n) => typeof n === 'string'));
  if (typeof d.recheckAt === 'string') {
    parts.push(`Re-check at ${formatTime(new Date(d.recheckAt), timeZone)}`);
  }
  const assignee = d.assignee as { name?: unknown } | null | undefined;
  if (h.event === 'assigned') {
    parts.push(
      assignee && typeof assignee.name === 'string' ? `To ${assignee.name}` : 'Unassigned',
    );
  }
  if (typeof d.fromVersion === 'string' && typeof d.toVersion === 'string') {
    parts.push(`Revision ${d.fromVersion} → ${d.toVersion}`);
  }
  if (Array.isArray(d.signoffIds) && d.signoffIds.length > 0) {
    parts.push(`Sign-offs #${d.signoffIds.join(', #')}`);
  }
  return parts.join('. ');
}

export function historyBlock(detail: CaseDetail, timeZone: string | undefined): PdfBlock {
  return {
    kind: 'table',
    columns: [
      { header: 'Time', weight: 20 },
      { header: 'Event', weight: 26 },
      { header: 'By', weight: 24 },
      { header: 'Details', weight: 30 },
    ],
    rows: detail.history.map((h) => [
      formatTime(new Date(h.at), timeZone),
      h.event === 'transition' || h.event === 'opened'
        ? `${eventLabels[h.event]}: ${h.fromState ? `${stateLabels[h.fromState]} → ` : ''}${stateLabels[h.toState]}`
        : eventLabels[h.event],
      `${h.by.name ?? 'System'} · ${roleLabel(h.by.role as Role)}`,
      historyNote(h, timeZone),
    ]),
  };
}
