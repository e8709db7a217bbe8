import type Database from 'better-sqlite3';
import type { AuditVerifyReport } from '../../api';
import type { Services } from '../core/context';
import { dataVersionOf, fullReplayCheck, markVerified } from './replay-check';
import { runInSlices } from './run-in-slices';

export interface BackgroundCheck {
  /** The report, or null when stopped before the end. */
  done: Promise<AuditVerifyReport | null>;
  stop(): void;
}

export interface LastCheck {
  startedAt: string;
  finishedAt: string | null;
  report: AuditVerifyReport | null;
}

const lastChecks = new WeakMap<Services, LastCheck>();

/** The check run at start, for Settings: still running, or its result. */
export function lastStartCheck(services: Services): LastCheck | null {
  return lastChecks.get(services) ?? null;
}

/**
 * The full replay check at start, in the background: on a read-only connection of its own,
 * inside one read transaction (a snapshot: the events and the rows of one moment, while the app
 * goes on writing), a slice per turn of the event loop. A sound result becomes the point the
 * incremental check starts from; a problem is logged, and Settings shows it.
 */
export function startReplayCheck(
  services: Services,
  openReader: () => Database.Database,
): BackgroundCheck {
  const live = services.db;
  // Read before the snapshot: a commit by another connection after it changes data_version.
  const version = dataVersionOf(live);
  const entry: LastCheck = {
    startedAt: services.clock.now().toISOString(),
    finishedAt: null,
    report: null,
  };
  lastChecks.set(services, entry);
  const generator = (function* () {
    const reader = openReader();
    try {
      reader.exec('BEGIN');
      return yield* fullReplayCheck(reader);
    } finally {
      reader.close();
    }
  })();
  const run = runInSlices(generator);
  const done = run.done.then(
    (report) => {
      if (!report) return null;
      entry.report = report;
      entry.finishedAt = services.clock.now().toISOString();
      if (services.db === live && live.open) markVerified(live, report, version);
      if (report.ok) {
        services.log.info('audit replay check at start: records match the audit trail', {
          events: report.eventCount,
          rows: report.records?.rowsChecked,
        });
      } else {
        services.log.warn('audit replay check at start found problems', {
          firstBad: report.firstBad,
          problemCount: report.records?.problemCount,
          problems: report.records?.problems.slice(0, 10),
        });
      }
      return report;
    },
    (error: unknown) => {
      services.log.error('audit replay check at start failed', {
        error: error instanceof Error ? error.message : String(error),
      });
      return null;
    },
  );
  return { done, stop: run.stop };
}
