import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client';
import { errorLines } from './error-words';

interface Props {
  error: ApiError;
  onRetry?: () => void;
}

const codesWithTitles = new Set([
  'invalid_input',
  'not_found',
  'conflict',
  'forbidden',
  'unauthenticated',
  'db_from_newer_version',
  'db_corrupt',
  'storage_error',
]);

/**
 * An API error as the user sees it: a title that says what kind of problem it is, the service's
 * message (written to be acted on); the code and any technical details behind "Details".
 */
export function ErrorMessage({ error, onRetry }: Props) {
  const { t } = useTranslation();
  const title = codesWithTitles.has(error.code)
    ? t(`errors.titles.${error.code as 'conflict'}`)
    : t('errors.title');
  const { lines, technical } = errorLines(t, error);
  return (
    <div className="error-message" role="alert">
      <p className="error-title">{title}</p>
      {lines.map((line) => (
        <p className="error-text" key={line}>
          {line}
        </p>
      ))}
      <details className="error-details">
        <summary>{t('errors.details')}</summary>
        <p className="error-code">{t('errors.code', { code: error.code })}</p>
        {technical ? <p className="error-code">{error.message}</p> : null}
      </details>
      {onRetry ? (
        <Button className="button button-secondary" onPress={onRetry}>
          {t('errors.retry')}
        </Button>
      ) : null}
    </div>
  );
}
