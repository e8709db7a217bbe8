import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { hics251Statuses, type Hics251Status } from '../../../electron/api/domains/cases';

interface SectionProps {
  /** The heading's id, which names the section. */
  id: string;
  title: string;
  /** Nothing to list: the section says so in place of its content. */
  empty?: boolean;
  children: ReactNode;
}

/** A titled section of a report; an empty one says there is nothing to show. */
export function ReportSection({ id, title, empty, children }: SectionProps) {
  return (
    <section className="report-section" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {empty ? <NoRows /> : children}
    </section>
  );
}

/** A report or a part of it with nothing to show. */
export function NoRows() {
  const { t } = useTranslation();
  return <p className="report-empty">{t('board.reports.noRows')}</p>;
}

/** How many devices stand at each HICS 251 status, each with the status's colour. */
export function HicsTotals({
  counts,
  label,
}: {
  counts: Record<Hics251Status, number>;
  label?: string;
}) {
  const { t } = useTranslation();
  return (
    <ul className="report-totals" aria-label={label}>
      {hics251Statuses.map((status) => (
        <li key={status} className={`report-total board-hics-${status}`}>
          <span className="report-total-number">{counts[status]}</span> {t(`board.hics.${status}`)}
        </li>
      ))}
    </ul>
  );
}

interface ListProps<T> {
  items: readonly T[];
  /** Numbered, where the order means something (objectives, priorities). */
  ordered?: boolean;
  itemKey(item: T): string;
  children(item: T): ReactNode;
}

/** A report's list, one item a line. */
export function ReportList<T>({ items, ordered, itemKey, children }: ListProps<T>) {
  const rows = items.map((item) => <li key={itemKey(item)}>{children(item)}</li>);
  return ordered ? (
    <ol className="report-list">{rows}</ol>
  ) : (
    <ul className="report-list">{rows}</ul>
  );
}

/** A titled section that is one list; with no items it says there is nothing to show. */
export function ReportListSection<T>({
  id,
  title,
  ...list
}: ListProps<T> & Omit<SectionProps, 'empty' | 'children'>) {
  return (
    <ReportSection id={id} title={title} empty={list.items.length === 0}>
      <ReportList {...list} />
    </ReportSection>
  );
}
