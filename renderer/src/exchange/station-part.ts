import type { StationStatus } from '../../../electron/api/domains/stations';

/** What a part of the Exchange page about this station gets: its status, and whom to tell when it changed. */
export interface StationPartProps {
  station: StationStatus;
  onChanged(): void;
}
