/**
 * Import one CSAF 2.0 file: read it (size, encoding), parse it, validate it strictly (schema and
 * mandatory tests) before anything is stored, then store it as a new advisory, a newer revision
 * of a known one, or report it unchanged; an older revision is refused.
 */
import {
  maxAdvisoryBytes,
  type AdvisoryImportResult,
  type AdvisoryProblem,
  type NormalizedAdvisory,
} from '../../api/domains/advisories';
import { englishErrorWords, errorWordsOf, type ErrorWords } from '../../api/error-words';
import { canonicalJson, sha256Hex as sha256Text } from '../audit/hash';
import { mutate, type MutateContext } from '../core/context';
import { ServiceError, wordedError } from '../core/errors';
import { decodeUpload } from '../inventory/upload-text';
import { loadAliasTables } from '../matching/alias-tables';
import { createVendorIndex } from '../matching/vendors';
import {
  findAdvisory,
  findRevision,
  sameRevisionDocument,
  storeRevision,
  type KnownAdvisory,
} from './advisory-store';
import { normalizeCsaf } from './csaf-normalize';
import type { CsafDocument } from './csaf-types';
import { validateCsaf } from './csaf-validate';
import { compareTrackingVersions, onAdvisoryRevised } from './revisions';

export interface AdvisoryFile {
  fileName: string;
  content: string | Uint8Array;
}

function refused(
  fileName: string,
  sha256: string | null,
  problems: AdvisoryProblem[],
  doc?: NormalizedAdvisory,
): AdvisoryImportResult {
  return {
    fileName,
    outcome: 'refused',
    sha256,
    advisoryId: null,
    trackingId: doc?.trackingId ?? null,
    version: doc?.version ?? null,
    previousVersion: null,
    messages: problems.map((p) => englishErrorWords(p.words)),
    problems,
  };
}

/** A reason worded from the errors catalogue, with the technical words for "Details". */
function problem(
  key: ErrorWords['key'],
  params: ErrorWords['params'],
  technical?: string,
): AdvisoryProblem {
  return { words: { key, params }, ...(technical ? { technical } : {}) };
}

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether any string (key or value) in a parsed JSON value is not valid Unicode. */
function hasLoneSurrogate(value: unknown): boolean {
  if (typeof value === 'string') return loneSurrogate.test(value);
  if (Array.isArray(value)) return value.some(hasLoneSurrogate);
  if (value && typeof value === 'object') {
    return Object.entries(value).some(([k, v]) => loneSurrogate.test(k) || hasLoneSurrogate(v));
  }
  return false;
}

/**
 * Read, parse and validate; a refusal is a result, never a thrown error. Also what checks an
 * advisory document another station's bundle carries, before the bundle's transaction opens
 * (exchange/carried-advisories.ts).
 */
export async function readCsaf(
  file: AdvisoryFile,
): Promise<
  | { ok: true; doc: CsafDocument; text: string; sha256: string }
  | { ok: false; result: AdvisoryImportResult }
> {
  let text: string;
  let sha256: string;
  try {
    ({ text, sha256 } = decodeUpload(
      file.fileName,
      file.content,
      maxAdvisoryBytes,
      'CSAF advisory',
    ));
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    // decodeUpload's refusals are worded (api/upload-text.ts).
    const words = errorWordsOf(error.details) ?? {
      key: 'csafNotRead',
      params: { file: file.fileName },
    };
    return {
      ok: false,
      result: { ...refused(file.fileName, null, [{ words }]), messages: [error.message] },
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      result: refused(file.fileName, sha256, [
        problem('csafNotJson', { file: file.fileName }, (error as Error).message),
      ]),
    };
  }
  // JSON escapes can carry text that is not valid Unicode (a lone surrogate such as "\ud800"),
  // which cannot be stored or hashed canonically: refuse it before validation.
  if (/\\u[dD][89abAB][0-9a-fA-F]{2}/i.test(text) && hasLoneSurrogate(json)) {
    return {
      ok: false,
      result: refused(file.fileName, sha256, [
        problem('csafLoneSurrogate', { file: file.fileName }, 'an escape such as \\ud800'),
      ]),
    };
  }
  const validation = await validateCsaf(json);
  if (!validation.valid) {
    return {
      ok: false,
      result: refused(file.fileName, sha256, [
        problem('csafNotValid', { file: file.fileName }),
        ...validation.problems,
      ]),
    };
  }
  return { ok: true, doc: json as CsafDocument, text, sha256 };
}

export async function importAdvisory(
  ctx: MutateContext,
  file: AdvisoryFile,
): Promise<AdvisoryImportResult> {
  const read = await readCsaf(file);
  if (!read.ok) return read.result;
  return storeAdvisory(ctx, {
    doc: read.doc,
    text: read.text,
    fileName: file.fileName,
    sha256: read.sha256,
  });
}

/** What the audit event of a stored revision names. */
function revisionPayload(read: CheckedAdvisory, advisory: NormalizedAdvisory, revisionId: number) {
  return {
    trackingId: advisory.trackingId,
    version: advisory.version,
    publisher: advisory.publisher.namespace,
    fileName: read.fileName,
    sha256: read.sha256,
    revisionId,
  };
}

/** A CSAF document read and checked, to be stored. */
export interface CheckedAdvisory {
  doc: CsafDocument;
  /** The document as imported. */
  text: string;
  fileName: string;
  /** The SHA-256 of the file as imported. */
  sha256: string;
}

/**
 * Store a checked document as a new advisory or a newer revision of a known one, audited; the
 * same document again is unchanged; a differing document under a stored tracking ID and version,
 * or an older revision, is refused and stores nothing. Also the path of an advisory another
 * station's bundle carries (exchange/carried-advisories.ts), which names that station in the
 * event (`carriedBy`); an older revision it carries is kept beside the current one
 * (storeOlderRevision).
 */
export function storeAdvisory(
  ctx: MutateContext,
  read: CheckedAdvisory,
  carriedBy?: { id: string; name: string },
): AdvisoryImportResult {
  const { services } = ctx;
  const vendors = createVendorIndex(loadAliasTables(services.resourcesDir).vendors);
  const advisory = normalizeCsaf(read.doc, vendors);
  const canonicalSha256 = sha256Text(canonicalJson(read.doc));
  const base = {
    fileName: read.fileName,
    sha256: read.sha256,
    trackingId: advisory.trackingId,
    version: advisory.version,
  };
  const { db, clock } = services;

  const known = findAdvisory(db, advisory.publisher.namespace, advisory.trackingId);
  if (known && known.version === advisory.version) {
    if (sameRevisionDocument(known, { canonicalSha256 })) {
      return {
        ...base,
        outcome: 'unchanged',
        advisoryId: known.id,
        previousVersion: null,
        messages: [],
      };
    }
    return refused(
      read.fileName,
      read.sha256,
      [
        problem('csafRevisionDiffers', {
          trackingId: advisory.trackingId,
          version: advisory.version,
        }),
      ],
      advisory,
    );
  }
  if (known) {
    const order = compareTrackingVersions(advisory.version, known.version);
    if (order !== null && order < 0 && carriedBy) {
      return storeOlderRevision(ctx, { ...read, advisory, canonicalSha256 }, known, carriedBy);
    }
    if (order === null || order < 0) {
      return refused(
        read.fileName,
        read.sha256,
        [
          problem(order === null ? 'csafRevisionUnordered' : 'csafRevisionOlder', {
            trackingId: advisory.trackingId,
            version: advisory.version,
            stored: known.version,
          }),
        ],
        advisory,
      );
    }
  }

  const now = clock.now().toISOString();
  return mutate(ctx, () => {
    // Checked again inside the transaction: another import may have run since the read above.
    const current = findAdvisory(db, advisory.publisher.namespace, advisory.trackingId);
    if (current?.id !== known?.id || current?.version !== known?.version) {
      throw wordedError('conflict', 'advisoryChangedDuringImport', {
        trackingId: advisory.trackingId,
      });
    }
    const { advisoryId, revisionId } = storeRevision(
      db,
      known?.id ?? null,
      { advisory, raw: read.text, fileName: read.fileName, sha256: read.sha256, canonicalSha256 },
      now,
    );
    const flaggedCases = known
      ? onAdvisoryRevised(db, advisoryId, known.version, advisory.version)
      : 0;
    const payload = {
      ...revisionPayload(read, advisory, revisionId),
      ...(known ? { previousVersion: known.version, flaggedCases } : {}),
      ...(carriedBy ? { carriedBy } : {}),
    };
    return {
      value: {
        ...base,
        outcome: known ? 'revised' : 'imported',
        advisoryId,
        previousVersion: known?.version ?? null,
        messages: [],
      },
      audit: {
        action: known ? 'advisory.revised' : 'advisory.imported',
        entityType: 'advisory',
        entityId: advisoryId,
        payload,
      },
    };
  });
}

/**
 * An older revision another station's bundle carries: that station's cases work on it, and they
 * are ranked here by its CVEs (threats/remote-priority.ts), and a case handed here is opened on
 * it. It is stored as a revision of the advisory, audited (`advisory.revision_kept`), and the
 * current revision stays current: nothing is flagged for re-review. The same document under
 * that version again changes nothing; a differing one is refused, as for the current revision.
 */
function storeOlderRevision(
  ctx: MutateContext,
  read: CheckedAdvisory & { advisory: NormalizedAdvisory; canonicalSha256: string },
  known: KnownAdvisory,
  carriedBy: { id: string; name: string },
): AdvisoryImportResult {
  const { advisory, canonicalSha256 } = read;
  const base = {
    fileName: read.fileName,
    sha256: read.sha256,
    trackingId: advisory.trackingId,
    version: advisory.version,
    advisoryId: known.id,
    previousVersion: null,
    messages: [],
  };
  const stored = findRevision(ctx.services.db, { advisoryId: known.id, version: advisory.version });
  if (stored) {
    if (sameRevisionDocument(stored, { canonicalSha256 })) return { ...base, outcome: 'unchanged' };
    const words = { trackingId: advisory.trackingId, version: advisory.version };
    return refused(read.fileName, read.sha256, [problem('csafRevisionDiffers', words)], advisory);
  }
  const now = ctx.services.clock.now().toISOString();
  return mutate(ctx, () => {
    const { revisionId } = storeRevision(
      ctx.services.db,
      known.id,
      { advisory, raw: read.text, fileName: read.fileName, sha256: read.sha256, canonicalSha256 },
      now,
      { current: false },
    );
    return {
      value: { ...base, outcome: 'imported' as const },
      audit: {
        action: 'advisory.revision_kept',
        entityType: 'advisory',
        entityId: known.id,
        payload: {
          ...revisionPayload(read, advisory, revisionId),
          currentVersion: known.version,
          carriedBy,
        },
      },
    };
  });
}
