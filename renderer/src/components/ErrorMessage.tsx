import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client';

interface Props {
  error: ApiError;
  onRetry?: () => void;
}

/** An API error as the user sees it: the service's message (written to be acted on) and its code. */
export function ErrorMessage({ error, onRetry }: Props) {
  const { t } = useTranslation();
  return (
    <div className="error-message" role="alert">
      <p className="error-title">{t('errors.title')}</p>
      <p className="error-text">{error.message}</p>
      <p className="error-code">{t('errors.code', { code: error.code })}</p>
      {onRetry ? (
        <Button className="button button-secondary" onPress={onRetry}>
          {t('errors.retry')}
        </Button>
      ) : null}
    </div>
  );
}
