import fs from 'node:fs';
import path from 'node:path';
import type {
  BundleImportOutcome,
  BundleImportReport,
  FolderPass,
} from '../../api/domains/exchange';
import { errorWordsOf } from '../../api/error-words';
import { ServiceError, wordedError } from '../core/errors';
import { systemCause } from '../storage/system-error';
import type { Services } from '../core/context';
import { startWork, workHeldFor } from '../core/running-work';
import { allStations, authorityRow, selfRow } from '../stations/station-store';
import { bundleExtension, exportBundle } from './export';
import { exchangeFolder } from './folder-settings';
import { adoptWaitingTransfers } from './case-adopt';
import { importBundles } from './import';

/**
 * Shared-folder mode. The app only reads and writes files in the folder; the operating system's
 * mount (a USB stick, a share) does any networking. The folder is polled, not watched: change
 * notifications do not arrive from network shares, and a stick can be swapped at any time.
 *
 * Each pass imports the bundles that are new or changed since it last read them, then writes this
 * station's bundle when its chain or its acknowledgements moved. Writing is debounced: a bundle is
 * written once the chain was quiet for one pass, or at the latest `maxWaitMs` after the first
 * change, so a burst of work leaves one bundle, not one per click.
 */

export const defaultPollMs = 2_000;
const maxWaitMs = 15_000;

interface SeenFile {
  bytes: number;
  mtimeMs: number;
  outcome: BundleImportOutcome;
  readAt: string;
}

export interface FolderState {
  /** The folder the entries below were read from; a new folder starts afresh. */
  folder: string | null;
  /** Files of the folder by name, with the outcome of their last reading. */
  seen: Map<string, SeenFile>;
  /** Outcomes of bundles imported by hand (exchange.import), by path. */
  byHand: Map<string, BundleImportOutcome>;
  /** What the last bundle written carried (chain head and acknowledgements). */
  written: string | null;
  /** A change not yet written: what it was at the last pass, and since when. */
  pending: { mark: string; since: number } | null;
  lastPass: FolderPass | null;
  /** The pass running now, or null. */
  pass: Promise<void> | null;
}

const states = new WeakMap<Services, FolderState>();

export function folderState(services: Services): FolderState {
  let s = states.get(services);
  if (!s) {
    s = {
      folder: null,
      seen: new Map(),
      byHand: new Map(),
      written: null,
      pending: null,
      lastPass: null,
      pass: null,
    };
    states.set(services, s);
  }
  return s;
}

/** Keep what bundles imported by hand came to, for the Exchange page's held and refused lists. */
export function rememberImports(services: Services, report: BundleImportReport): void {
  const state = folderState(services);
  for (const o of report.outcomes) state.byHand.set(o.file, o);
}

/** What a bundle written now would carry: this chain's head and what it acknowledges. */
function outboxMark(services: Services): string {
  const head = services.db
    .prepare<[], { last_id: number; last_hash: string }>(
      'SELECT last_id, last_hash FROM audit_head WHERE singleton = 1',
    )
    .get();
  const acks = allStations(services.db)
    .map((s) => `${s.station_id}:${s.head_id ?? 0}`)
    .join(',');
  return `${head?.last_id ?? 0}:${head?.last_hash ?? ''}|${acks}`;
}

/** `<name>-<id prefix>-<first>-<head>.p7m` as export.ts names a bundle. */
const bundleName = /-([0-9a-f]{8})-(\d{9})-(\d{9})\.p7m$/;

export function parseBundleName(
  fileName: string,
): { idPrefix: string; fromId: number; headId: number } | null {
  const m = bundleName.exec(fileName);
  if (!m) return null;
  return { idPrefix: m[1] as string, fromId: Number(m[2]) - 1, headId: Number(m[3]) };
}

export function isOwnBundle(fileName: string, stationId: string): boolean {
  return parseBundleName(fileName)?.idPrefix === stationId.slice(0, 8);
}

/** The bundle files in the folder (a bundle being written, `.partial`, is not one yet). */
export function bundleFiles(folder: string): { name: string; stat: fs.Stats }[] {
  return fs
    .readdirSync(folder)
    .filter((name) => name.endsWith(bundleExtension))
    .flatMap((name) => {
      try {
        const stat = fs.statSync(path.join(folder, name));
        return stat.isFile() ? [{ name, stat }] : [];
      } catch {
        return [];
      }
    });
}

async function importFromFolder(
  services: Services,
  state: FolderState,
  folder: string,
  own: string,
): Promise<void> {
  const files = bundleFiles(folder).filter((f) => !isOwnBundle(f.name, own));
  const present = new Set(files.map((f) => f.name));
  for (const name of state.seen.keys()) if (!present.has(name)) state.seen.delete(name);
  const changed = files.filter((f) => {
    const seen = state.seen.get(f.name);
    return !seen || seen.bytes !== f.stat.size || seen.mtimeMs !== f.stat.mtimeMs;
  });
  const read = async (batch: typeof files) => {
    if (batch.length === 0) return false;
    const report = await importBundles(
      services,
      batch.map((f) => path.join(folder, f.name)),
    );
    const at = services.clock.now().toISOString();
    const byPath = new Map(report.outcomes.map((o) => [o.file, o]));
    let applied = false;
    for (const f of batch) {
      const outcome = byPath.get(path.resolve(folder, f.name));
      if (!outcome) continue;
      applied ||= outcome.status === 'applied';
      state.seen.set(f.name, { bytes: f.stat.size, mtimeMs: f.stat.mtimeMs, outcome, readAt: at });
    }
    return applied;
  };
  // A bundle held for a gap may follow from one applied now: its outcome is read again.
  if (await read(changed)) {
    const held = files.filter(
      (f) => state.seen.get(f.name)?.outcome.status === 'held' && !changed.includes(f),
    );
    await read(held);
  }
}

/**
 * Remove this station's earlier bundles up to the head of the one just written. What they held
 * is either in the new one or acknowledged by every station known here (a bundle starts at the
 * lowest acknowledgement); a station not heard from yet counts as acknowledging nothing, so once
 * its first bundle is read, the next one written here starts from the beginning again.
 */
function pruneOutbox(folder: string, own: string, written: string): void {
  const latest = parseBundleName(path.basename(written));
  if (!latest) return;
  for (const f of bundleFiles(folder)) {
    if (f.name === path.basename(written) || !isOwnBundle(f.name, own)) continue;
    const b = parseBundleName(f.name);
    if (b && b.headId <= latest.headId) fs.rmSync(path.join(folder, f.name), { force: true });
  }
}

function writeIfChanged(services: Services, state: FolderState, folder: string, own: string) {
  const mark = outboxMark(services);
  const hasOwn = bundleFiles(folder).some((f) => isOwnBundle(f.name, own));
  if (mark === state.written && hasOwn) {
    state.pending = null;
    return;
  }
  const now = services.clock.now().getTime();
  // First pass that sees this change: wait one pass for the chain to be quiet.
  if (state.written !== null && hasOwn) {
    const waited = state.pending ? now - state.pending.since : 0;
    const quiet = state.pending?.mark === mark;
    if (!quiet && waited < maxWaitMs) {
      state.pending = { mark, since: state.pending?.since ?? now };
      return;
    }
  }
  const result = exportBundle(services, folder);
  pruneOutbox(folder, own, result.file);
  state.written = mark;
  state.pending = null;
}

/**
 * One pass over the shared folder: import, then write. Does nothing when no folder is set or the
 * station is not enrolled. A folder that cannot be read (the stick is out) is reported in
 * `lastPass`, and the next pass tries again. A pass asked for while one runs (the timer's, or
 * one by hand) starts when that one has finished; a restore waits for a pass to finish.
 */
export function syncFolder(services: Services): Promise<void> {
  const state = folderState(services);
  const after = state.pass ?? Promise.resolve();
  const pass = after.then(() =>
    startWork(services, { kind: 'bundle_import', what: 'exchange through the shared folder' }, () =>
      passOnce(services, state),
    ),
  );
  state.pass = pass;
  const forget = () => {
    if (state.pass === pass) state.pass = null;
  };
  pass.then(forget, forget);
  return pass;
}

async function passOnce(services: Services, state: FolderState): Promise<void> {
  const folder = exchangeFolder(services.db);
  if (folder !== state.folder) {
    state.folder = folder;
    state.seen.clear();
    state.written = null;
    state.pending = null;
    state.lastPass = null;
  }
  const self = selfRow(services.db);
  if (!folder || !self?.certificate_der || !authorityRow(services.db)) return;
  const at = services.clock.now().toISOString();
  try {
    if (!fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory()) {
      throw wordedError('storage_error', 'exchangeFolderMissing', { folder }, { folder });
    }
    await importFromFolder(services, state, folder, self.station_id);
    // A case handed here that waited for a record this station has imported since.
    services.db.transaction(() => adoptWaitingTransfers(services, self))();
    writeIfChanged(services, state, folder, self.station_id);
    state.lastPass = { at, error: null };
  } catch (error) {
    const failed = failedPass(error);
    if (state.lastPass?.error !== failed.error) {
      const message = error instanceof Error ? error.message : String(error);
      services.log.error('exchange through the shared folder failed', { folder, error: message });
    }
    state.lastPass = { at, ...failed };
  }
}

/** A failed pass: the English sentence, its words for the reader, the system's for Details. */
function failedPass(error: unknown): Omit<FolderPass, 'at'> {
  const { lists, details } = systemCause(error);
  const worded =
    error instanceof ServiceError
      ? error
      : wordedError('storage_error', 'exchangePassFailed', {}, details, lists);
  const words = errorWordsOf(worded.details);
  const technical = (worded.details as { technical?: unknown } | undefined)?.technical;
  return {
    error: worded.message,
    ...(words ? { words } : {}),
    ...(typeof technical === 'string' ? { technical } : {}),
  };
}

export interface FolderExchange {
  stop(): void;
}

/**
 * Pass over the shared folder every `pollMs`. The timer does not keep the process alive; the
 * runtime stops it when it closes, and a restore replacing the database pauses it.
 */
export function startFolderExchange(services: Services, pollMs = defaultPollMs): FolderExchange {
  const state = folderState(services);
  const timer = setInterval(() => {
    if (!services.db.open || state.pass || workHeldFor(services)) return;
    if (exchangeFolder(services.db) === null && state.folder === null) return;
    // A pass reports its own failures (lastPass); a restore that began meanwhile refuses it.
    syncFolder(services).catch((error: unknown) => {
      services.log.error('exchange through the shared folder did not run', {
        error: error instanceof Error ? error.message : String(error),
      });
    });
  }, pollMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
