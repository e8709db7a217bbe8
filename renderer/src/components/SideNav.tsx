import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { pageHref, pageIds, type PageId } from '../navigation/pages';

/** The persistent left navigation: plain links (Tab, Enter), the current one marked for AT. */
export function SideNav({ current }: { current: PageId }) {
  const { t } = useTranslation();
  return (
    <nav className="side-nav" aria-label={t('nav.label')}>
      <ul>
        {pageIds.map((page) => (
          <li key={page}>
            <Link
              className="side-nav-link"
              href={pageHref(page)}
              aria-current={page === current ? 'page' : undefined}
            >
              {t(`nav.${page}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
