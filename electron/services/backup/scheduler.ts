import fs from 'node:fs';
import type { BackupInfo, BackupStatus } from '../../api/domains/backup';
import { errorWordsOf, type ErrorWords } from '../../api/error-words';
import type { Services } from '../core/context';
import { ServiceError } from '../core/errors';
import { startWork, workHeldFor } from '../core/running-work';
import { checksumFileOf, manifestFileOf } from './backup-names';
import { backupFolderOf, readBackupSettings } from './backup-settings';
import { createBackup } from './create-backup';
import { listBackups } from './list-backups';

export interface DueBackupsOutcome {
  /**
   * What happened at `now`: off, not yet due, held (a restore is replacing the database), a
   * backup taken, or a backup that failed.
   */
  outcome: 'off' | 'not_due' | 'held' | 'created' | 'failed';
  created: BackupInfo | null;
  /** Automatic backups removed because more than `keep` were there. */
  removed: string[];
  error: string | null;
}

interface SchedulerState {
  lastError: BackupStatus['lastError'];
  running: Promise<DueBackupsOutcome> | null;
}

const states = new WeakMap<Services, SchedulerState>();

function stateOf(services: Services): SchedulerState {
  let s = states.get(services);
  if (!s) {
    s = { lastError: null, running: null };
    states.set(services, s);
  }
  return s;
}

function lastAutomatic(folder: string): BackupInfo | null {
  try {
    return listBackups(folder).find((b) => b.kind === 'automatic') ?? null;
  } catch {
    return null;
  }
}

/** Remove the oldest automatic backups beyond `keep`; backups taken by hand are never removed. */
function pruneAutomatic(folder: string, keep: number): string[] {
  const old = listBackups(folder)
    .filter((b) => b.kind === 'automatic')
    .slice(keep);
  for (const b of old) {
    for (const f of [b.file, checksumFileOf(b.file), manifestFileOf(b.file)]) {
      fs.rmSync(f, { force: true });
    }
  }
  return old.map((b) => b.file);
}

/**
 * Take an automatic backup if one is due at `now` (none yet in the folder, or the newest is at
 * least the interval old), then keep only the newest `keep`. The scheduler calls this every
 * minute with the clock's time; tests call it with the time they choose. Never throws: a failed
 * backup is logged and shown in the status until one succeeds.
 */
export function runDueBackups(services: Services, now: Date): Promise<DueBackupsOutcome> {
  const state = stateOf(services);
  if (!state.running && workHeldFor(services)) {
    return Promise.resolve({ outcome: 'held', created: null, removed: [], error: null });
  }
  // One at a time: a slow backup must not be started again by the next tick. Tracked, so that
  // a restore lets it finish before it replaces the database.
  state.running ??= startWork(
    services,
    { kind: 'automatic_backup', what: 'automatic backup' },
    () => runOnce(services, now, state),
  ).finally(() => {
    state.running = null;
  });
  return state.running;
}

async function runOnce(
  services: Services,
  now: Date,
  state: SchedulerState,
): Promise<DueBackupsOutcome> {
  const outcome = (o: Partial<DueBackupsOutcome> & Pick<DueBackupsOutcome, 'outcome'>) => ({
    created: null,
    removed: [],
    error: null,
    ...o,
  });
  try {
    const settings = readBackupSettings(services.db);
    if (!settings.automatic) return outcome({ outcome: 'off' });
    const folder = backupFolderOf(settings, services.dataDir);
    const last = lastAutomatic(folder);
    const intervalMs = settings.intervalMinutes * 60_000;
    if (last && now.getTime() - new Date(last.createdAt).getTime() < intervalMs) {
      return outcome({ outcome: 'not_due' });
    }
    const { info } = await createBackup(services, folder, 'automatic', now);
    const removed = pruneAutomatic(folder, settings.keep);
    state.lastError = null;
    services.log.info('automatic backup taken', { file: info.file, removed });
    return outcome({ outcome: 'created', created: info, removed });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (state.lastError?.message !== message) {
      services.log.error('automatic backup failed', { error: message });
    }
    state.lastError = { at: now.toISOString(), ...failureWords(error) };
    return outcome({ outcome: 'failed', error: message });
  }
}

export function backupStatus(services: Services): BackupStatus {
  const settings = readBackupSettings(services.db);
  const folder = backupFolderOf(settings, services.dataDir);
  const last = lastAutomatic(folder);
  const nextDue = !settings.automatic
    ? null
    : last
      ? new Date(new Date(last.createdAt).getTime() + settings.intervalMinutes * 60_000)
      : services.clock.now();
  return {
    settings,
    folder,
    lastAutomatic: last,
    nextDueAt: nextDue?.toISOString() ?? null,
    lastError: stateOf(services).lastError,
  };
}

export interface BackupScheduler {
  stop(): void;
}

/**
 * Check every `tickMs` whether an automatic backup is due. The timer does not keep the process
 * alive; the runtime stops it when it closes.
 */
export function startBackupScheduler(services: Services, tickMs = 60_000): BackupScheduler {
  const timer = setInterval(() => {
    if (!services.db.open) return;
    void runDueBackups(services, services.clock.now());
  }, tickMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

/**
 * Why an automatic backup failed, for people: a worded refusal as it is; anything else (an error
 * the services did not foresee) as a sentence that says what to do, its own words for "Details".
 */
function failureWords(error: unknown): { message: string; words: ErrorWords; technical?: string } {
  const raw = error instanceof Error ? error.message : String(error);
  const details = error instanceof ServiceError ? error.details : undefined;
  const worded = errorWordsOf(details);
  const technical = (details as { technical?: unknown } | undefined)?.technical;
  if (worded) {
    return {
      message: raw,
      words: worded,
      ...(typeof technical === 'string' ? { technical } : {}),
    };
  }
  const words: ErrorWords = { key: 'automaticBackupFailed', params: {} };
  return { message: raw, words, technical: raw };
}
