import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PageId } from '../navigation/pages';
import { PageLink } from './PageLink';

interface Props {
  title: string;
  children: ReactNode;
  /** The one next action: a button or a link. */
  action?: ReactNode;
}

export function EmptyState({ title, children, action }: Props) {
  return (
    <section className="empty-state" aria-label={title}>
      <h2 className="empty-state-title">{title}</h2>
      <div className="empty-state-body">{children}</div>
      {action ? <div className="empty-state-action">{action}</div> : null}
    </section>
  );
}

/** Pages whose empty state has its words under one prefix: `…Title`, `…Body`, `…Action`. */
type EmptyWords = 'board.empty' | 'cases.mine.empty' | 'incidents.empty';

/** An empty page that links to the page where its work starts. */
export function EmptyStateLink({ words, page }: { words: EmptyWords; page: PageId }) {
  const { t } = useTranslation();
  return (
    <EmptyState
      title={t(`${words}Title`)}
      action={<PageLink page={page}>{t(`${words}Action`)}</PageLink>}
    >
      <p>{t(`${words}Body`)}</p>
    </EmptyState>
  );
}
