import { z } from 'zod';
import { method } from '../define';
import { empty } from '../schemas';

export interface BundleExport {
  /** Absolute path of the bundle written. */
  file: string;
  stationId: string;
  stationName: string;
  /** The event the bundle's first event extends (0: the start of the chain). */
  fromId: number;
  /** The station's chain head the bundle carries. */
  headId: number;
  events: number;
  bytes: number;
}

/** Where an import stopped, in the order the checks run. */
export const importSteps = [
  'envelope',
  'certificate',
  'signature',
  'hash_chain',
  'extends',
  'content',
] as const;
export type ImportStep = (typeof importSteps)[number];

export interface BundleImportOutcome {
  file: string;
  /**
   * applied: its new events are stored; already_had: nothing in it was new; held: it starts
   * after a gap and waits for the missing bundle; refused: a check failed (step and reason);
   * not_a_bundle: the file is not a bundle at all.
   */
  status: 'applied' | 'already_had' | 'held' | 'refused' | 'not_a_bundle';
  stationId: string | null;
  stationName: string | null;
  /** Events newly applied from this file. */
  applied: number;
  step: ImportStep | null;
  reason: string | null;
}

export interface BundleImportReport {
  outcomes: BundleImportOutcome[];
}

const localPath = z.string().trim().min(1).max(4096);

export const exchangeMethods = {
  'exchange.export': method<BundleExport>()(
    z.object({ outDir: localPath }).strict(),
    'Write a bundle into a folder: this station’s audit events the others have not acknowledged, its chain head and certificate, in a CMS SignedData envelope.',
  ),
  'exchange.import': method<BundleImportReport>()(
    z.object({ files: z.array(localPath).min(1).max(1000) }).strict(),
    'Verify bundles (certificate, signature, hash chain, extension of the last head received) and apply each all or nothing; an out-of-order bundle is held with the gap named.',
  ),
  'exchange.verify': method<ExchangeVerifyReport>()(
    empty,
    'Re-verify every other station’s chain kept here against the last head received from it, naming any station whose history no longer extends it.',
  ),
};

/** One station's chain as kept here, checked again against the last head received from it. */
export interface StationChainCheck {
  stationId: string;
  name: string;
  ok: boolean;
  events: number;
  headId: number | null;
  /** The first event that does not fit, and why; null when the chain is whole. */
  problem: string | null;
}

export interface ExchangeVerifyReport {
  ok: boolean;
  stations: StationChainCheck[];
}
