import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** Moves focus past the navigation. Not a plain #main link: the hash holds the current page. */
export function SkipLink() {
  const { t } = useTranslation();
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    document.getElementById('main')?.focus();
  };
  return (
    <a className="skip-link" href="#main" onClick={skip}>
      {t('app.skipToContent')}
    </a>
  );
}
