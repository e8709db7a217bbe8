import { missingCaseError } from '../core/errors';
import type { CellPart, PdfBlock, PdfTime, TableCell } from './model';
import type { TableSpec } from './table';
import { formatTime } from './text';
import type { PdfWords } from './words';

function timeText(time: PdfTime | undefined, zone: string | undefined): string {
  return time === undefined ? '' : formatTime(time, zone);
}

/** The blocks that are tables, as tables: columns, header and the cells of each row. */
export function tableSpecFor(
  block: PdfBlock,
  timeZone: string | undefined,
  t: PdfWords,
): TableSpec | null {
  switch (block.kind) {
    case 'keyValue':
      return {
        columns: [
          { header: '', weight: 30 },
          { header: '', weight: 70 },
        ],
        rows: block.rows.map((r) => [
          [{ text: r.key, style: 'muted' }],
          [{ text: r.value || '—', tone: r.tone }],
        ]),
        header: false,
      };
    case 'table':
      return { columns: block.columns, rows: block.rows, header: true };
    case 'checklist':
      return {
        columns: [
          { header: t('table.item'), weight: 46 },
          { header: t('table.answer'), weight: 24 },
          { header: t('table.byWhen'), weight: 30 },
        ],
        rows: block.entries.map((e): TableCell[] => [
          [{ text: e.item }, ...(e.note ? [{ text: e.note, style: 'small' as const }] : [])],
          [
            e.answer
              ? { text: e.answer, style: 'bold', tone: e.tone }
              : { text: t('table.notAnswered'), style: 'muted' },
          ],
          [
            { text: e.by ?? '' },
            ...(e.at !== undefined
              ? [{ text: timeText(e.at, timeZone), style: 'small' as const }]
              : []),
          ],
        ]),
        header: true,
      };
    case 'signOffs':
      return {
        columns: [
          { header: t('table.signedBy'), weight: 27 },
          { header: t('table.statement'), weight: 47 },
          { header: t('table.time'), weight: 16 },
          { header: t('table.status'), weight: 10 },
        ],
        rows: block.entries.map((e): TableCell[] => [
          [
            { text: e.name, style: 'bold' },
            { text: e.role, style: 'small' },
          ],
          [{ text: e.statement, style: 'small' }],
          timeText(e.time, timeZone),
          [
            e.status === 'valid'
              ? { text: t('table.valid'), style: 'bold', tone: 'ok' }
              : e.status === 'earlier_round'
                ? { text: t('table.earlierRound'), style: 'bold', tone: 'warn' }
                : { text: t('table.stale'), style: 'bold', tone: 'warn' },
          ],
        ]),
        header: true,
      };
    case 'checkboxes': {
      const whoWhen = block.whoWhen ?? true;
      return {
        columns: whoWhen
          ? [
              { header: t('table.item'), weight: 45 },
              { header: t('table.answer'), weight: 31 },
              { header: t('table.byTime'), weight: 24 },
            ]
          : [
              { header: t('table.item'), weight: 68 },
              { header: t('table.answer'), weight: 32 },
            ],
        rows: block.items.map((item): TableCell[] => {
          const label: CellPart[] = [{ text: item.label }];
          if (item.hint) label.push({ text: item.hint, style: 'small' });
          const row: TableCell[] = [label, item.answer ?? [{ boxes: item.options ?? [] }]];
          if (whoWhen) row.push([{ writeIn: t('table.by') }, { writeIn: t('table.time') }]);
          return row;
        }),
        header: true,
      };
    }
    case 'heading':
    case 'paragraph':
    case 'answerLines':
    case 'handFields':
      return null;
    default:
      throw missingCaseError(block);
  }
}
