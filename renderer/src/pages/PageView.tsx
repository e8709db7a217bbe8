import { MyDevicesPage } from '../cases/MyDevicesPage';
import type { PageId } from '../navigation/pages';
import { AdvisoriesPage } from './AdvisoriesPage';
import { BoardPage } from './BoardPage';
import { DevicesPage } from './DevicesPage';
import { ExchangePage } from './ExchangePage';
import { IncidentsPage } from './IncidentsPage';
import { SettingsPage } from './SettingsPage';
import { ThreatsPage } from './ThreatsPage';

export function PageView({ page }: { page: PageId }) {
  switch (page) {
    case 'my-devices':
      return <MyDevicesPage />;
    case 'devices':
      return <DevicesPage />;
    case 'advisories':
      return <AdvisoriesPage />;
    case 'threats':
      return <ThreatsPage />;
    case 'incidents':
      return <IncidentsPage />;
    case 'board':
      return <BoardPage />;
    case 'exchange':
      return <ExchangePage />;
    case 'settings':
      return <SettingsPage />;
  }
}
