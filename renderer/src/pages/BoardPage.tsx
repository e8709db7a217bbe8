import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/EmptyState';
import { PageHeading } from '../components/PageHeading';
import { PageLink } from '../components/PageLink';

export function BoardPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('board.title')} intro={t('board.intro')} />
      <EmptyState
        title={t('board.emptyTitle')}
        action={<PageLink page="incidents">{t('board.emptyAction')}</PageLink>}
      >
        <p>{t('board.emptyBody')}</p>
      </EmptyState>
    </>
  );
}
