import type { AdvisoryProduct, MatchConfidence } from '../../api/domains/advisories';
import type { MatchWords } from '../../api/match-words';

/** The device fields matching reads. */
export interface MatchableDevice {
  id: number;
  assetTag: string;
  vendor: string | null;
  model: string | null;
  family: string | null;
  osName: string | null;
  osVersion: string | null;
  softwareVersion: string | null;
  serialNumber: string | null;
  notes: string | null;
}

/** One advisory's current revision, as matching sees it. */
export interface MatchableAdvisory {
  advisoryId: number;
  revisionId: number;
  trackingId: string;
  version: string;
  publisher: string;
  products: AdvisoryProduct[];
}

export interface MatchFinding {
  deviceId: number;
  advisoryId: number;
  revisionId: number;
  productId: string;
  productName: string;
  confidence: MatchConfidence;
  /** The rule's reasons as catalogue words (English: `englishReasons`), one per piece of evidence. */
  reasonWords: MatchWords[];
}

export const confidenceRank: Record<MatchConfidence, number> = { high: 3, medium: 2, low: 1 };

/** An advisory naming products of the device's vendor that the device is not matched to. */
export interface NonMatchFinding {
  deviceId: number;
  advisoryId: number;
  trackingId: string;
  /** Why not, as catalogue words: an exclusion, a version outside the range, another OS, or no such model. */
  reasonWords: MatchWords[];
}
