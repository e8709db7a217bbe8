import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { DemoLoadReport } from '../../../electron/api';
import { call, type ApiError } from '../api/client';
import { EmptyState } from '../components/EmptyState';
import { ErrorMessage } from '../components/ErrorMessage';

interface Props {
  onLoaded(report: DemoLoadReport): void;
}

/** First run: an empty inventory offers the demo facility as the one next action. */
export function LoadDemoPanel({ onLoaded }: Props) {
  const { t } = useTranslation();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ApiError>();

  const load = () => {
    setLoading(true);
    setError(undefined);
    void call('demo.load', {}).then((result) => {
      setLoading(false);
      if (result.ok) onLoaded(result.value);
      else setError(result.error);
    });
  };

  return (
    <EmptyState
      title={t('devices.empty.title')}
      action={
        <Button className="button button-primary" onPress={load} isPending={loading}>
          {loading ? t('devices.empty.loadingDemo') : t('devices.empty.loadDemo')}
        </Button>
      }
    >
      <p>{t('devices.empty.body')}</p>
      {error ? <ErrorMessage error={error} onRetry={load} /> : null}
    </EmptyState>
  );
}
