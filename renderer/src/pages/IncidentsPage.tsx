import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/EmptyState';
import { PageHeading } from '../components/PageHeading';
import { PageLink } from '../components/PageLink';

export function IncidentsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('incidents.title')} intro={t('incidents.intro')} />
      <EmptyState
        title={t('incidents.emptyTitle')}
        action={<PageLink page="advisories">{t('incidents.emptyAction')}</PageLink>}
      >
        <p>{t('incidents.emptyBody')}</p>
      </EmptyState>
    </>
  );
}
