import { Link } from 'react-aria-components';
import { pageHref, type PageId } from '../navigation/pages';

/** A call-to-action link to another page, styled as a button-sized target. */
export function PageLink({ page, children }: { page: PageId; children: string }) {
  return (
    <Link className="button button-secondary" href={pageHref(page)}>
      {children}
    </Link>
  );
}
