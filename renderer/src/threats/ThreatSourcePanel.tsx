import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../cases/time-format';
import { FactList, type Fact } from '../components/FactList';
import { ThreatFileImport } from './ThreatFileImport';

/** What an imported threat source holds (KEV catalogue or EPSS scores), and its import button. */
export function ThreatSourcePanel({
  kind,
  title,
  facts,
  imported,
  none,
  mayImport,
  onImported,
}: {
  kind: 'kev' | 'epss';
  title: string;
  /** The source's own facts, or null when nothing is imported yet. */
  facts: readonly Fact[] | null;
  imported: { importedAt: string; fileName: string } | null | undefined;
  none: string;
  mayImport: boolean;
  onImported: () => void;
}) {
  const { t } = useTranslation();
  const titleId = `${kind}-title`;
  return (
    <section className="import-panel" aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      {facts && imported ? (
        <FactList
          facts={[
            ...facts,
            {
              label: t('threats.imported'),
              value: t('threats.importedFrom', {
                at: formatDateTime(imported.importedAt),
                fileName: imported.fileName,
              }),
            },
          ]}
        />
      ) : (
        <p>{none}</p>
      )}
      {mayImport ? <ThreatFileImport kind={kind} onImported={onImported} /> : null}
    </section>
  );
}
