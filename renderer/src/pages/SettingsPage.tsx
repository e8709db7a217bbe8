import { useTranslation } from 'react-i18next';
import { PageHeading } from '../components/PageHeading';
import { DataLocation } from '../settings/DataLocation';
import { IntegrityChecks } from '../settings/IntegrityChecks';
import { UsersSettings } from '../people/UsersSettings';

export function SettingsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('settings.title')} intro={t('settings.intro')} />
      <DataLocation />
      <IntegrityChecks />
      <UsersSettings />
    </>
  );
}
