import { useTranslation } from 'react-i18next';
import type { InventoryPreview } from '../../../electron/api/domains/inventory';
import { formatDecimal } from '../../../electron/api/number-format';
import { useStationLanguage } from '../i18n/LocaleProvider';

const delimiterKeys = { ',': 'comma', ';': 'semicolon', '\t': 'tab' } as const;

/** What the importer read from the file and what an import would do, before anything is written. */
export function PreviewSummary({ preview }: { preview: InventoryPreview }) {
  const { t } = useTranslation();
  const language = useStationLanguage();
  const facts: [string, string][] = [
    [t('inventory.preview.file'), preview.fileName],
    [
      t('inventory.preview.delimiter'),
      t(`inventory.preview.delimiters.${delimiterKeys[preview.delimiter]}`),
    ],
    [t('inventory.preview.rows'), formatDecimal(preview.rowCount, language, 0)],
    [t('inventory.preview.validRows'), formatDecimal(preview.validRowCount, language, 0)],
    [
      t('inventory.preview.outcome'),
      t('inventory.preview.outcomeText', {
        add: preview.wouldAdd,
        update: preview.wouldUpdate,
        unchanged: preview.wouldLeaveUnchanged,
      }),
    ],
  ];
  return (
    <dl className="fact-list preview-facts" data-testid="preview-summary">
      {facts.map(([label, value]) => (
        <div className="fact" key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
