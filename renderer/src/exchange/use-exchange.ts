import { useCallback, useEffect, useState } from 'react';
import type { ExchangeStatus } from '../../../electron/api/domains/exchange';
import type { StationStatus, StationView } from '../../../electron/api/domains/stations';
import { call, type ApiError } from '../api/client';

export interface ExchangeView {
  station: StationStatus | undefined;
  stations: StationView[];
  /** Undefined until read, or when this role may not read the exchange. */
  exchange: ExchangeStatus | undefined;
  error: ApiError | undefined;
  reload(): void;
  /** Show a status a call returned (setting the folder, exchanging now) at once. */
  show(exchange: ExchangeStatus): void;
}

/** How often the page reads the exchange again: the folder is passed over every 2 s. */
const refreshMs = 3_000;

/** This station, the stations known here and the exchange, read again while the page is open. */
export function useExchange(mayReadExchange: boolean): ExchangeView {
  const [station, setStation] = useState<StationStatus>();
  const [stations, setStations] = useState<StationView[]>([]);
  const [exchange, setExchange] = useState<ExchangeStatus>();
  const [error, setError] = useState<ApiError>();

  const reload = useCallback(() => {
    void Promise.all([
      call('stations.status', {}),
      call('stations.list', {}),
      mayReadExchange ? call('exchange.status', {}) : Promise.resolve(undefined),
    ]).then(([s, list, x]) => {
      const failed = [s, list, x].find((r) => r && !r.ok);
      setError(failed && !failed.ok ? failed.error : undefined);
      if (s.ok) setStation(s.value);
      if (list.ok) setStations(list.value);
      if (x?.ok) setExchange(x.value);
    });
  }, [mayReadExchange]);

  useEffect(() => {
    reload();
    const timer = setInterval(reload, refreshMs);
    return () => clearInterval(timer);
  }, [reload]);

  return { station, stations, exchange, error, reload, show: setExchange };
}
