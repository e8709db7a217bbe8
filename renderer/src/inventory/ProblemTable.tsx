import { useTranslation } from 'react-i18next';
import type { ImportProblem } from '../../../electron/api/domains/inventory';
import { ColumnHeads } from '../components/ColumnHeads';

/** More rows than this would slow the page; the count says how many there are in all. */
const maxShown = 1000;

interface Props {
  title: string;
  problems: readonly ImportProblem[];
  /** All problems, when `problems` is only the first of them. */
  total?: number;
}

/** Every problem as row, column and message, in file order: what to fix, and where. */
export function ProblemTable({ title, problems, total = problems.length }: Props) {
  const { t } = useTranslation();
  const { t: heads } = useTranslation(undefined, { keyPrefix: 'inventory.problems' });
  const shown = problems.slice(0, maxShown);
  return (
    <section className="problems" aria-label={title}>
      <h3>{title}</h3>
      {total > shown.length ? (
        <p>{t('inventory.problems.partial', { shown: shown.length, total })}</p>
      ) : null}
      <div className="problem-scroll">
        <table className="problem-table">
          <ColumnHeads columns={[heads('row'), heads('column'), heads('message')]} />
          <tbody>
            {shown.map((p, i) => (
              <tr key={`${p.row}:${p.column ?? ''}:${i}`}>
                <td className="problem-row">{p.row}</td>
                <td>{p.column ?? t('inventory.problems.wholeRow')}</td>
                <td>{p.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
