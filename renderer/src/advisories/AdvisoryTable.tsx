import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { AdvisorySummary } from '../../../electron/api/domains/advisories';
import { CvssBadge } from './CvssBadge';
import { shortDate } from './advisory-text';
import { titleWithoutId } from './advisory-text';
import { ColumnHeads } from '../components/ColumnHeads';

interface Props {
  advisories: AdvisorySummary[];
  onOpen(id: number): void;
}

/** The advisories known to this station; a few dozen at most, so a plain table. */
export function AdvisoryTable({ advisories, onOpen }: Props) {
  const { t } = useTranslation();
  const { t: heads } = useTranslation(undefined, { keyPrefix: 'inventory.advisories.columns' });
  return (
    <div className="advisory-table-scroll">
      <table className="advisory-table" aria-label={t('inventory.advisories.tableLabel')}>
        <ColumnHeads
          columns={[
            heads('id'),
            heads('title'),
            heads('vendor'),
            { label: heads('cves'), className: 'num' },
            heads('cvss'),
            heads('date'),
            { label: heads('devices'), className: 'num' },
          ]}
        />
        <tbody>
          {advisories.map((a) => (
            <tr key={a.id}>
              <th scope="row">
                <Button
                  className="asset-tag"
                  onPress={() => onOpen(a.id)}
                  aria-label={t('inventory.advisories.open', { trackingId: a.trackingId })}
                >
                  {a.trackingId}
                </Button>
                <span className="cell-sub">
                  {t('inventory.advisories.version', { version: a.version })}
                </span>
              </th>
              <td className="advisory-title-cell">{titleWithoutId(a.title, a.trackingId)}</td>
              <td>{a.vendors.join(', ') || a.publisher}</td>
              <td className="num">{a.cveCount}</td>
              <td>
                <CvssBadge score={a.highestCvss} />
              </td>
              <td className="advisory-date-cell">{shortDate(a.currentReleaseDate)}</td>
              <td className="num">
                <span className={a.devicesMatched > 0 ? 'matched-count' : undefined}>
                  {a.devicesMatched}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
