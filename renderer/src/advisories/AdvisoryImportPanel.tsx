import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type {
  AdvisoryImportResult,
  MatchRunReport,
} from '../../../electron/api/domains/advisories';
import { call, type ApiError } from '../api/client';
import { ErrorMessage } from '../components/ErrorMessage';
import { wordsSentence } from '../components/error-words';
import { FileChooser } from '../inventory/FileChooser';
import { ImportPanel } from '../inventory/ImportPanel';

/** The API's bound (maxAdvisoryBytes in electron/api/domains/advisories.ts). */
const maxAdvisoryBytes = 10 * 1024 * 1024;

interface Props {
  onImported(): void;
  onOpen(id: number): void;
  onClose(): void;
}

/** Import a CSAF file: validate and store it, then compare it with the inventory. */
export function AdvisoryImportPanel({ onImported, onOpen, onClose }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<'import' | 'match'>();
  const [result, setResult] = useState<AdvisoryImportResult>();
  const [matching, setMatching] = useState<MatchRunReport>();
  const [error, setError] = useState<ApiError>();

  const importFile = (file: { fileName: string; content: string }) => {
    setBusy('import');
    setError(undefined);
    setResult(undefined);
    setMatching(undefined);
    void call('advisories.import', file).then(async (r) => {
      if (!r.ok) {
        setBusy(undefined);
        setError(r.error);
        return;
      }
      setResult(r.value);
      if (r.value.outcome === 'imported' || r.value.outcome === 'revised') {
        onImported();
        setBusy('match');
        const m = await call('matches.run', {});
        if (m.ok) setMatching(m.value);
        else setError(m.error);
        onImported();
      }
      setBusy(undefined);
    });
  };

  const refused = result?.outcome === 'refused';
  return (
    <ImportPanel
      titleId="advisory-import-title"
      title={t('inventory.advisoryImport.title')}
      onClose={onClose}
    >
      <p>{t('inventory.advisoryImport.intro')}</p>
      <FileChooser
        label={
          result
            ? t('inventory.advisoryImport.chooseAnother')
            : t('inventory.advisoryImport.choose')
        }
        accept={['.json', 'application/json']}
        maxBytes={maxAdvisoryBytes}
        onRead={importFile}
        isPending={busy !== undefined}
      />
      {busy ? (
        <p className="loading-text" role="status">
          {busy === 'import'
            ? t('inventory.advisoryImport.checking')
            : t('inventory.advisoryImport.matching')}
        </p>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
      {result ? (
        <div
          className={refused ? 'notice notice-danger' : 'notice notice-success'}
          role={refused ? 'alert' : 'status'}
        >
          <p className="notice-title">
            {t(`inventory.advisoryImport.outcome.${result.outcome}`, {
              fileName: result.fileName,
              trackingId: result.trackingId ?? '',
              version: result.version ?? '',
              previous: result.previousVersion ?? '',
            })}
          </p>
          {matching ? (
            <p>
              {t('inventory.advisoryImport.matched', {
                count: matching.added + matching.updated + matching.unchanged,
              })}
            </p>
          ) : null}
          {result.messages.length ? (
            <ul className="message-list">
              {result.messages.map((m, i) => {
                const problem = result.problems?.[i];
                return <li key={i}>{problem ? wordsSentence(t, problem.words) : m}</li>;
              })}
            </ul>
          ) : null}
          {result.problems?.some((p) => p.technical) ? (
            <details className="error-details">
              <summary>{t('errors.details')}</summary>
              {result.problems.map((p, i) =>
                p.technical ? (
                  <p className="error-code" key={i}>
                    {p.technical}
                  </p>
                ) : null,
              )}
            </details>
          ) : null}
          {result.advisoryId !== null && !busy ? (
            <Button
              className="button button-primary"
              onPress={() => result.advisoryId !== null && onOpen(result.advisoryId)}
            >
              {t('inventory.advisoryImport.open', { trackingId: result.trackingId ?? '' })}
            </Button>
          ) : null}
        </div>
      ) : null}
    </ImportPanel>
  );
}
