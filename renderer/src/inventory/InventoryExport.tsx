import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { call, type ApiError } from '../api/client';
import { ErrorMessage } from '../components/ErrorMessage';
import { saveFile } from '../components/download';

/** The files the inventory exports to, in the order offered. */
const formats = ['csv', 'json'] as const;
type Format = (typeof formats)[number];

/**
 * Export the whole inventory. The services build the file (CSV with spreadsheet formulas
 * neutralised, or JSON) and return its text; the page saves it as a download.
 */
export function InventoryExport() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<Format>();
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState<string>();

  const exportAs = (format: Format) => {
    setBusy(format);
    setError(undefined);
    setDone(undefined);
    void call('inventory.export', { format }).then((result) => {
      setBusy(undefined);
      if (!result.ok) {
        setError(result.error);
        return;
      }
      const { fileName, mediaType, content, deviceCount } = result.value;
      saveFile(fileName, mediaType, content);
      setDone(t('inventory.export.done', { fileName, count: deviceCount }));
    });
  };

  return (
    <div className="inventory-export">
      {formats.map((format) => (
        <Button
          key={format}
          className="button button-secondary"
          onPress={() => exportAs(format)}
          isPending={busy === format}
        >
          {t(`inventory.export.${format}`)}
        </Button>
      ))}
      {done ? (
        <p className="export-done" role="status">
          {done}
        </p>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
    </div>
  );
}
