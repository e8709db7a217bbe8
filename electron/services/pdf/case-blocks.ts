import type {
  AnswerValue,
  CaseDetail,
  CaseHistoryEntry,
  ChecklistItem,
  ChecklistSection,
} from '../../api/domains/cases';
import { labelInSentence } from '../../api/label-in-sentence';
import { formatEntered } from '../../api/number-format';
import { signoffKinds } from '../../api/permissions';
import type { ChecklistEntry, PdfBlock, Tone } from './model';
import { formatTime } from './text';
import { roleWord, type PdfWords } from './words';

/** The parts of a device case PDF that come from its checklist, sign-offs and history. */

type Field = NonNullable<ChecklistItem['fields']>[number];

/** How one scalar reads to a person: Yes/No, an option's label, a number with its unit, a time. */
function scalarText(
  item: { type: string } & Pick<Field, 'options' | 'unit'>,
  value: unknown,
  timeZone: string | undefined,
  t: PdfWords,
): string {
  if (typeof value === 'boolean') return t(value ? 'record.yes' : 'record.no');
  if (item.type === 'choice') {
    return item.options?.find((o) => o.value === value)?.label ?? String(value);
  }
  if (typeof value === 'number') {
    const number = formatEntered(value, t.language);
    return item.type === 'number' && item.unit ? `${number} ${item.unit}` : number;
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
  t: PdfWords,
): string {
  if (!Array.isArray(value)) return scalarText(item, value, timeZone, t);
  if (value.length === 0) {
    const rows = item.rowLabel ? labelInSentence(item.rowLabel, t.language) : t('record.rows');
    return t('record.noRows', { rows });
  }
  return value
    .map((row, i) => {
      const parts = (item.fields ?? [])
        .filter((f) => row[f.id] !== undefined)
        .map((f) => `${f.label}: ${scalarText(f, row[f.id], timeZone, t)}`);
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

/** "Name · Role": who answered or acted; the system when nobody did; the station, if another. */
function byText(by: { name: string | null; role: string; station?: string }, t: PdfWords): string {
  const who = `${by.name ?? t('roles.system')} · ${roleWord(t, by.role)}`;
  return by.station === undefined ? who : `${who} · ${by.station}`;
}

function sectionEntries(
  section: ChecklistSection,
  timeZone: string | undefined,
  t: PdfWords,
): ChecklistEntry[] {
  return section.items.map((item): ChecklistEntry => {
    const a = item.answer;
    if (!a) return { item: item.label, answer: '' };
    const tone = answerTone(item, a.value);
    return {
      item: item.label,
      answer: answerText(item, a.value, timeZone, t),
      by: byText(a.by, t),
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
export function checklistBlocks(
  detail: CaseDetail,
  timeZone: string | undefined,
  t: PdfWords,
): PdfBlock[] {
  const blocks: PdfBlock[] = [];
  for (const section of detail.template.sections) {
    const { answered, visible, done, complete } = section.status;
    if (answered === 0) {
      blocks.push(
        { kind: 'heading', text: section.title, level: 2 },
        { kind: 'paragraph', text: t('record.notStarted', { visible }), style: 'muted' },
      );
      continue;
    }
    const status = t(done ? 'record.done' : complete ? 'record.complete' : 'record.inProgress', {
      answered,
      visible,
    });
    blocks.push({
      kind: 'checklist',
      title: section.title,
      entries: sectionEntries(section, timeZone, t),
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

/**
 * A sign-off given in an earlier round of the workflow (before a quarantine, a restore or a
 * return to an earlier phase) reads "earlier round", not "stale": nothing it attested changed,
 * the case went round again. Each status that appears is explained once under the table.
 */
export function signOffBlocks(detail: CaseDetail, t: PdfWords): PdfBlock[] {
  if (detail.signoffs.length === 0) {
    return [{ kind: 'paragraph', text: t('record.noSignOffs'), style: 'muted' }];
  }
  const status = (s: CaseDetail['signoffs'][number]) =>
    s.earlierRound ? 'earlier_round' : s.stale ? 'stale' : 'valid';
  const shown = new Set(detail.signoffs.map(status));
  const explained = [
    ...(shown.has('stale') ? [t('record.staleExplained')] : []),
    ...(shown.has('earlier_round') ? [t('record.earlierRoundExplained')] : []),
  ];
  return [
    {
      kind: 'signOffs',
      entries: detail.signoffs.map((s) => ({
        name: s.userName,
        role: `${roleWord(t, s.role)} · ${kindLabel(s.kind, t)}`,
        time: new Date(s.signedAt),
        statement: s.statement,
        status: status(s),
      })),
    },
    ...explained.map((text): PdfBlock => ({ kind: 'paragraph', text, style: 'small' })),
  ];
}

function kindLabel(kind: string, t: PdfWords): string {
  return kind in signoffKinds ? t(`signoffKinds.${kind as keyof typeof signoffKinds}`) : kind;
}

function historyNote(h: CaseHistoryEntry, timeZone: string | undefined, t: PdfWords): string {
  const d = h.detail;
  const parts: string[] = [];
  if (typeof d.action === 'string') parts.push(d.action);
  if (typeof d.reason === 'string') parts.push(t('record.reason', { reason: d.reason }));
  if (typeof d.note === 'string') parts.push(t('record.note', { note: d.note }));
  if (Array.isArray(d.notes)) parts.push(...d.notes.filter((n) => typeof n === 'string'));
  if (typeof d.recheckAt === 'string') {
    parts.push(t('record.recheckAt', { time: formatTime(new Date(d.recheckAt), timeZone) }));
  }
  const assignee = d.assignee as { name?: unknown } | null | undefined;
  if (h.event === 'assigned') {
    parts.push(
      assignee && typeof assignee.name === 'string'
        ? t('record.to', { name: assignee.name })
        : t('record.unassigned'),
    );
  }
  if (typeof d.fromVersion === 'string' && typeof d.toVersion === 'string') {
    parts.push(t('record.revision', { from: d.fromVersion, to: d.toVersion }));
  }
  if (Array.isArray(d.signoffIds) && d.signoffIds.length > 0) {
    parts.push(t('record.signOffIds', { ids: `#${d.signoffIds.join(', #')}` }));
  }
  return parts.join('. ');
}

function eventText(h: CaseHistoryEntry, t: PdfWords): string {
  if (h.event === 'handed_over' || h.event === 'taken_over') {
    const back = h.detail.back === true ? 'Back' : '';
    return t(`record.events.${h.event}${back}`, { station: String(h.detail.station) });
  }
  const event = t(`record.events.${h.event}`);
  if (h.event !== 'transition' && h.event !== 'opened') return event;
  const to = t(`states.${h.toState}`);
  const states = h.fromState ? `${t(`states.${h.fromState}`)} → ${to}` : to;
  return t('record.eventStates', { event, states });
}

/**
 * The case's history, each entry with who made it and, once stations exchange, the station
 * whose record it came from: the station column appears when any entry names one.
 */
export function historyBlock(
  detail: CaseDetail,
  timeZone: string | undefined,
  t: PdfWords,
): PdfBlock {
  const stations = detail.history.some((h) => h.station !== null);
  return {
    kind: 'table',
    columns: stations
      ? [
          { header: t('record.time'), weight: 18 },
          { header: t('record.event'), weight: 23 },
          { header: t('record.by'), weight: 21 },
          { header: t('record.station'), weight: 13 },
          { header: t('record.details'), weight: 25 },
        ]
      : [
          { header: t('record.time'), weight: 20 },
          { header: t('record.event'), weight: 26 },
          { header: t('record.by'), weight: 24 },
          { header: t('record.details'), weight: 30 },
        ],
    rows: detail.history.map((h) => [
      formatTime(new Date(h.at), timeZone),
      eventText(h, t),
      byText(h.by, t),
      ...(stations ? [h.station ?? '—'] : []),
      historyNote(h, timeZone, t),
    ]),
  };
}
