import { useAppInfo } from '../app/use-app-info';
import { ErrorMessage } from './ErrorMessage';

/** If app.info itself fails (e.g. a database from a newer app), every page says so. */
export function AppInfoError() {
  const { error, refresh } = useAppInfo();
  return error ? <ErrorMessage error={error} onRetry={() => void refresh()} /> : null;
}
