import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdvisoryDetail } from '../../../electron/api/domains/advisories';
import { CvssBadge } from './CvssBadge';
import { remediationCategoryText, shortDate, versionRangeText } from './advisory-text';
import { formatDateTime } from '../cases/time-format';
import { ColumnHeads } from '../components/ColumnHeads';

type Props = { detail: AdvisoryDetail };

/** Product IDs as the names people know, for remediations and vulnerabilities. */
function productNames(detail: AdvisoryDetail, ids: readonly string[]): string {
  const byId = new Map(detail.advisory.products.map((p) => [p.productId, p.name]));
  return ids.map((id) => byId.get(id) ?? id).join('; ');
}

export function ProductsSection({ detail }: Props) {
  const { t } = useTranslation();
  const { t: heads } = useTranslation(undefined, { keyPrefix: 'inventory.detail' });
  return (
    <table className="detail-table">
      <ColumnHeads columns={[heads('product'), heads('versions'), heads('status')]} />
      <tbody>
        {detail.advisory.products.map((p) => (
          <tr key={p.productId}>
            <th scope="row">{p.name}</th>
            <td>
              {p.versionRange
                ? versionRangeText(t, p.versionRange)
                : (p.version ?? t('inventory.detail.allVersions'))}
            </td>
            <td>{p.statuses.map((s) => s.replaceAll('_', ' ')).join(', ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A list of cards, one per item, each under its own heading. */
function DetailCards<T>({
  items,
  keyOf,
  card,
}: {
  items: readonly T[];
  keyOf(item: T, index: number): string | number;
  card(item: T): ReactNode;
}) {
  return (
    <ul className="detail-cards">
      {items.map((item, i) => (
        <li key={keyOf(item, i)} className="detail-card">
          {card(item)}
        </li>
      ))}
    </ul>
  );
}

/**
 * A text's paragraphs, split where it leaves a blank line, marked with the language the publisher
 * wrote them in (screen readers pronounce them in it; a German screen shows them as written).
 */
function Paragraphs({ text, lang }: { text: string; lang: string | null }) {
  return text.split(/\n{2,}/).map((paragraph, j) => (
    <p key={j} lang={lang ?? undefined}>
      {paragraph}
    </p>
  ));
}

export function VulnerabilitiesSection({ detail }: Props) {
  const { t } = useTranslation();
  return (
    <DetailCards
      items={detail.advisory.vulnerabilities}
      keyOf={(v, i) => v.cve ?? i}
      card={(v) => (
        <>
          <div className="detail-card-head">
            <h3>{v.cve ?? t('inventory.detail.noCve')}</h3>
            <CvssBadge score={v.highestBaseScore} />
          </div>
          {v.title ? (
            <p className="detail-card-title" lang={detail.advisory.lang ?? undefined}>
              {v.title}
            </p>
          ) : null}
          {v.cwe ? <p>{t('inventory.detail.cwe', { id: v.cwe.id, name: v.cwe.name })}</p> : null}
          {v.scores.map((s) => (
            <p key={s.vectorString} className="mono-text">
              {s.vectorString}
            </p>
          ))}
          {v.productStatus.known_affected?.length ? (
            <p>
              {t('inventory.detail.affects', {
                products: productNames(detail, v.productStatus.known_affected),
              })}
            </p>
          ) : null}
        </>
      )}
    />
  );
}

export function RemediationsSection({ detail }: Props) {
  const { t } = useTranslation();
  return (
    <DetailCards
      items={detail.advisory.remediations}
      keyOf={(_, i) => i}
      card={(r) => (
        <>
          <h3>
            {t('inventory.detail.remediationCategory', {
              category: remediationCategoryText(t, r.category),
            })}
          </h3>
          <Paragraphs text={r.details} lang={detail.advisory.lang} />
          {r.urls.length ? (
            <p className="mono-text">{t('inventory.detail.urls', { urls: r.urls.join(' ') })}</p>
          ) : null}
          {r.productIds.length ? (
            <p className="field-help">
              {t('inventory.detail.forProducts', { products: productNames(detail, r.productIds) })}
            </p>
          ) : null}
        </>
      )}
    />
  );
}

export function NotesSection({ detail }: Props) {
  return (
    <DetailCards
      items={detail.advisory.notes}
      keyOf={(_, i) => i}
      card={(n) => (
        <>
          <h3 lang={detail.advisory.lang ?? undefined}>{n.title ?? n.category}</h3>
          <Paragraphs text={n.text} lang={detail.advisory.lang} />
        </>
      )}
    />
  );
}

export function RevisionsSection({ detail }: Props) {
  const { t } = useTranslation();
  const { t: heads } = useTranslation(undefined, { keyPrefix: 'inventory.detail' });
  return (
    <>
      <table className="detail-table">
        <caption>{t('inventory.detail.historyCaption')}</caption>
        <ColumnHeads columns={[heads('revision'), heads('date'), heads('summary')]} />
        <tbody>
          {detail.advisory.revisionHistory.map((r) => (
            <tr key={r.number}>
              <th scope="row">{r.number}</th>
              <td className="advisory-date-cell">{shortDate(r.date)}</td>
              <td lang={detail.advisory.lang ?? undefined}>{r.summary}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="detail-table">
        <caption>{t('inventory.detail.importedCaption')}</caption>
        <ColumnHeads columns={[heads('revision'), heads('imported'), heads('fileName')]} />
        <tbody>
          {detail.revisions.map((r) => (
            <tr key={r.sha256}>
              <th scope="row">
                {t(r.current ? 'inventory.detail.current' : 'inventory.detail.older', {
                  version: r.version,
                })}
              </th>
              <td>{formatDateTime(r.importedAt)}</td>
              <td className="mono-text">{r.fileName}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
