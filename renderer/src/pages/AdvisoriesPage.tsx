import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/EmptyState';
import { PageHeading } from '../components/PageHeading';
import { PageLink } from '../components/PageLink';

export function AdvisoriesPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('advisories.title')} intro={t('advisories.intro')} />
      <EmptyState
        title={t('advisories.emptyTitle')}
        action={<PageLink page="devices">{t('advisories.emptyAction')}</PageLink>}
      >
        <p>{t('advisories.emptyBody')}</p>
      </EmptyState>
    </>
  );
}
