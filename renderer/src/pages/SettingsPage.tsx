import { useState } from 'react';
import { Tab, TabList, TabPanel, Tabs, type Key } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { mayCall, type Role } from '../../../electron/api/permissions';
import { PageHeading } from '../components/PageHeading';
import { UsersSettings } from '../people/UsersSettings';
import { useSession } from '../session/session-context';
import { BackupSettings } from '../settings/backups/BackupSettings';
import { DataLocation } from '../settings/DataLocation';
import { IntegrityChecks } from '../settings/IntegrityChecks';
import { takeReopenedSection } from '../settings/reopen-section';
import { SecuritySettingsForm } from '../settings/SecuritySettingsForm';
import { SigningSettings } from '../settings/signing/SigningSettings';
import { StationSettings } from '../settings/StationSettings';
import '../styles/settings.css';

type SectionId = 'general' | 'users' | 'security' | 'signing' | 'backups' | 'data';

/** The sections a role sees: the ones whose reading call the services would answer. */
function sectionsFor(role: Role): SectionId[] {
  const shown: [SectionId, boolean][] = [
    ['users', mayCall('people.list', [role])],
    ['security', mayCall('settings.getSecurity', [role])],
    ['signing', mayCall('signing.status', [role])],
    ['backups', mayCall('backup.list', [role])],
    ['data', true],
    ['general', true],
  ];
  return shown.filter(([, ok]) => ok).map(([id]) => id);
}

function SectionContent({ id, role }: { id: SectionId; role: Role }) {
  switch (id) {
    case 'general':
      return <StationSettings mayChangeZone={mayCall('facility.setTimeZone', [role])} />;
    case 'users':
      return <UsersSettings />;
    case 'security':
      return <SecuritySettingsForm />;
    case 'signing':
      return <SigningSettings role={role} />;
    case 'backups':
      return <BackupSettings />;
    case 'data':
      return (
        <>
          <DataLocation />
          <IntegrityChecks />
        </>
      );
  }
}

export function SettingsPage() {
  const { t } = useTranslation();
  const { status } = useSession();
  const role = status?.role ?? 'technologist';
  const sections = sectionsFor(role);
  const [selected, setSelected] = useState<Key>(
    () => takeReopenedSection() ?? sections[0] ?? 'data',
  );
  // A hand over to another role may hide the section that was open.
  const current = sections.includes(selected as SectionId) ? selected : (sections[0] ?? 'data');
  return (
    <>
      <PageHeading title={t('settings.title')} intro={t('settings.intro')} />
      <Tabs className="settings-tabs" selectedKey={current} onSelectionChange={setSelected}>
        <TabList className="settings-tab-list" aria-label={t('settings.tabsLabel')}>
          {sections.map((id) => (
            <Tab key={id} id={id} className="settings-tab">
              {t(`settings.tabs.${id}`)}
            </Tab>
          ))}
        </TabList>
        {sections.map((id) => (
          <TabPanel key={id} id={id} className="settings-tab-panel">
            <SectionContent id={id} role={role} />
          </TabPanel>
        ))}
      </Tabs>
    </>
  );
}
