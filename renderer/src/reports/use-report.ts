import { useEffect, useState } from 'react';
import type {
  BriefingReport,
  Hics214Report,
  Hics251Report,
  ReportKind,
  TimelineReport,
} from '../../../electron/api/domains/reports';
import { call, type ApiError } from '../api/client';

export interface Period {
  start: string;
  end: string;
}

export interface ReportByKind {
  hics251: Hics251Report;
  hics214: Hics214Report;
  briefing: BriefingReport;
  timeline: TimelineReport;
}

export interface ReportState<K extends ReportKind> {
  report: ReportByKind[K] | undefined;
  error: ApiError | undefined;
  retry(): void;
}

function fetchReport<K extends ReportKind>(kind: K, incidentId: number, period?: Period) {
  const withPeriod = { incidentId, ...(period ? { operationalPeriod: period } : {}) };
  switch (kind) {
    case 'hics251':
      return call('reports.hics251', withPeriod);
    case 'hics214':
      return call('reports.hics214', withPeriod);
    case 'timeline':
      return call('reports.timeline', withPeriod);
    default:
      // The briefing is of the incident as it stands now: it takes no period.
      return call('reports.briefing', { incidentId });
  }
}

/** One report of one incident (for an operational period, when one is chosen). */
export function useReport<K extends ReportKind>(
  kind: K,
  incidentId: number,
  period: Period | undefined,
): ReportState<K> {
  const [report, setReport] = useState<ReportByKind[K]>();
  const [error, setError] = useState<ApiError>();
  const [attempt, setAttempt] = useState(0);
  const periodKey = period ? `${period.start}/${period.end}` : '';

  useEffect(() => {
    let live = true;
    const [start, end] = periodKey.split('/');
    const chosen = start && end ? { start, end } : undefined;
    void fetchReport(kind, incidentId, chosen).then((result) => {
      if (!live) return;
      if (result.ok) {
        setReport(result.value as ReportByKind[K]);
        setError(undefined);
      } else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [kind, incidentId, periodKey, attempt]);

  return { report, error, retry: () => setAttempt((n) => n + 1) };
}
