import type { ComponentType } from 'react';
import { MyDevicesPage } from '../cases/MyDevicesPage';
import type { PageId } from '../navigation/pages';
import { AdvisoriesPage } from './AdvisoriesPage';
import { BoardPage } from './BoardPage';
import { DevicesPage } from './DevicesPage';
import { ExchangePage } from './ExchangePage';
import { IncidentsPage } from './IncidentsPage';
import { SettingsPage } from './SettingsPage';
import { ThreatsPage } from './ThreatsPage';

/** Each page's view, by its id. */
const views: Record<PageId, ComponentType> = {
  'my-devices': MyDevicesPage,
  devices: DevicesPage,
  advisories: AdvisoriesPage,
  threats: ThreatsPage,
  incidents: IncidentsPage,
  board: BoardPage,
  exchange: ExchangePage,
  settings: SettingsPage,
};

export function PageView({ page }: { page: PageId }) {
  const View = views[page];
  return <View />;
}
