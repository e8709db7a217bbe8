import { useCallback, useState } from 'react';
import type {
  ColumnMapping,
  InventoryImportReport,
  InventoryPreview,
} from '../../../electron/api/domains/inventory';
import type { MatchRunReport } from '../../../electron/api/domains/advisories';
import { call, type ApiError } from '../api/client';

export type ImportMode = 'allOrNothing' | 'skipInvalid';

export interface InventoryImport {
  file: { fileName: string; content: string } | undefined;
  preview: InventoryPreview | undefined;
  report: InventoryImportReport | undefined;
  /** Matching after a written import: new devices may be named by advisories already known. */
  matching: MatchRunReport | undefined;
  busy: 'preview' | 'import' | undefined;
  error: ApiError | undefined;
  choose(file: { fileName: string; content: string }): void;
  remap(mapping: ColumnMapping): void;
  run(mode: ImportMode): void;
  reset(): void;
}

/** The import wizard's steps: preview (no writes) → import → report, then re-run the matching. */
export function useInventoryImport(onWritten: () => void): InventoryImport {
  const [file, setFile] = useState<{ fileName: string; content: string }>();
  const [preview, setPreview] = useState<InventoryPreview>();
  const [report, setReport] = useState<InventoryImportReport>();
  const [matching, setMatching] = useState<MatchRunReport>();
  const [busy, setBusy] = useState<'preview' | 'import'>();
  const [error, setError] = useState<ApiError>();

  const previewWith = useCallback(
    (chosen: { fileName: string; content: string }, mapping?: ColumnMapping) => {
      setBusy('preview');
      setError(undefined);
      void call('inventory.preview', { ...chosen, ...(mapping ? { mapping } : {}) }).then((r) => {
        setBusy(undefined);
        if (r.ok) setPreview(r.value);
        else setError(r.error);
      });
    },
    [],
  );

  const choose = (chosen: { fileName: string; content: string }) => {
    setFile(chosen);
    setPreview(undefined);
    setReport(undefined);
    previewWith(chosen);
  };

  const remap = (mapping: ColumnMapping) => {
    if (file) previewWith(file, mapping);
  };

  const run = (mode: ImportMode) => {
    if (!file || !preview) return;
    setBusy('import');
    setError(undefined);
    const input = { ...file, mapping: preview.mapping, skipInvalid: mode === 'skipInvalid' };
    void call('inventory.import', input).then(async (r) => {
      if (!r.ok) {
        setBusy(undefined);
        setError(r.error);
        return;
      }
      setReport(r.value);
      if (r.value.written) {
        onWritten();
        const m = await call('matches.run', {});
        if (m.ok) setMatching(m.value);
        else setError(m.error);
      }
      setBusy(undefined);
    });
  };

  const reset = () => {
    setFile(undefined);
    setPreview(undefined);
    setReport(undefined);
    setMatching(undefined);
    setError(undefined);
  };

  return { file, preview, report, matching, busy, error, choose, remap, run, reset };
}
