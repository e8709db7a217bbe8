import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { errorCodes } from '../../../electron/api/result';
import type { ApiError } from '../api/client';
import { errorLines } from './error-words';

interface Props {
  error: ApiError;
  onRetry?: () => void;
}

/** Every code but the two that mean a fault in the app, not something a person can act on. */
const codesWithTitles = new Set<string>(
  errorCodes.filter((c) => c !== 'unknown_method' && c !== 'internal'),
);

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
  // What a refusal says for those who fix things (SQLite's words, a schema path): behind Details.
  const cause = (error.details as { technical?: unknown } | undefined)?.technical;
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
        {typeof cause === 'string' ? <p className="error-code">{cause}</p> : null}
      </details>
      {onRetry ? (
        <Button className="button button-secondary" onPress={onRetry}>
          {t('errors.retry')}
        </Button>
      ) : null}
    </div>
  );
}
