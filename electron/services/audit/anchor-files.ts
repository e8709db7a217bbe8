import type Database from 'better-sqlite3';
import fs from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import type { AnchorCheck } from '../../api';
import { readManifest } from '../backup/manifest';
import { readMetadata } from '../pdf/metadata';
import { anchorSignature, chainAnchorSchema, chainExtends, type ChainAnchor } from './anchors';

const sqliteHeader = Buffer.from('SQLite format 3\0', 'latin1');
/** How a CSV export carries its anchor: one last line, a comment to spreadsheet readers. */
export const csvAnchorPrefix = '# standalone-chain-anchor ';

type Found = { anchor: ChainAnchor; kind: string; backup?: string } | { problem: string };

function parsed(value: unknown, kind: string): Found {
  const r = chainAnchorSchema.safeParse(value);
  return r.success
    ? { anchor: r.data, kind }
    : { problem: `the ${kind} carries no valid chain anchor` };
}

/** The anchor a file carries: a PDF, a backup (its manifest), a JSON or CSV export, an anchor. */
async function anchorOf(file: string): Promise<Found> {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    return { problem: `cannot be read (${(error as Error).message})` };
  }
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') {
    try {
      const doc = await PDFDocument.load(bytes, { updateMetadata: false });
      const meta = readMetadata(doc);
      if ('problem' in meta) return meta;
      return meta.metadata.anchor
        ? { anchor: meta.metadata.anchor, kind: 'PDF' }
        : { problem: 'the PDF carries no chain anchor (made before anchors)' };
    } catch (error) {
      return { problem: `is not a readable PDF (${(error as Error).message})` };
    }
  }
  if (bytes.subarray(0, sqliteHeader.length).equals(sqliteHeader)) {
    const manifest = readManifest(file);
    if (!manifest?.anchor) return { problem: 'the backup has no manifest with a chain anchor' };
    return { anchor: manifest.anchor, kind: 'backup', backup: file };
  }
  const text = bytes.toString('utf8');
  const line = text.split(/\r?\n/).find((l) => l.startsWith(csvAnchorPrefix));
  if (line) {
    try {
      return parsed(
        JSON.parse(Buffer.from(line.slice(csvAnchorPrefix.length), 'base64url').toString()),
        'CSV export',
      );
    } catch {
      return { problem: 'the CSV export’s anchor line cannot be read' };
    }
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { problem: 'is not a PDF, backup, JSON or CSV export that Standalone made' };
  }
  const record = json as Record<string, unknown>;
  if (record.format === 'standalone-chain-anchor/1') return parsed(json, 'anchor');
  if (record.format === 'standalone-backup') return parsed(record.anchor, 'backup manifest');
  return parsed(record.anchor, 'JSON export');
}

/** The first event where two chains differ, comparing hashes id by id up to `through`. */
function firstDifference(
  live: Database.Database,
  other: Database.Database,
  through: number,
): number | null {
  const liveRows = live
    .prepare('SELECT id, hash FROM audit_events WHERE id <= ? ORDER BY id')
    .raw(true)
    .iterate(through) as IterableIterator<[number, string]>;
  const otherRows = other
    .prepare('SELECT id, hash FROM audit_events WHERE id <= ? ORDER BY id')
    .raw(true)
    .iterate(through) as IterableIterator<[number, string]>;
  for (let id = 1; id <= through; id++) {
    const a = liveRows.next();
    const b = otherRows.next();
    if (a.done || b.done || a.value[0] !== id || b.value[0] !== id || a.value[1] !== b.value[1]) {
      liveRows.return?.();
      otherRows.return?.();
      return id;
    }
  }
  return null;
}

/**
 * Whether the live chain extends the anchor each file carries. A backup also carries its whole
 * chain: compared event by event, it names the exact first event where the histories part.
 */
export async function verifyAnchorFiles(
  db: Database.Database,
  files: readonly string[],
  openBackup: (file: string) => Database.Database,
): Promise<AnchorCheck[]> {
  const checks: AnchorCheck[] = [];
  for (const file of files) {
    const found = await anchorOf(file);
    if ('problem' in found) {
      checks.push({ file, ok: false, problem: `${file}: ${found.problem}` });
      continue;
    }
    const { anchor } = found;
    const signature = anchorSignature(db, anchor);
    const divergence = chainExtends(db, [...anchor.checkpoints, [anchor.eventId, anchor.hash]]);
    let firstDiverging: number | null = divergence?.firstDiffering ?? null;
    let exact = divergence !== null && (divergence.lastMatching ?? 0) + 1 === firstDiverging;
    if (divergence && found.backup) {
      const other = openBackup(found.backup);
      try {
        firstDiverging = firstDifference(db, other, anchor.eventId) ?? firstDiverging;
        exact = true;
      } finally {
        other.close();
      }
    }
    const base = {
      file,
      kind: found.kind,
      eventId: anchor.eventId,
      hash: anchor.hash,
      issuedAt: anchor.issuedAt,
      signature,
    };
    if (!divergence && (signature === 'valid' || signature === 'unsigned')) {
      checks.push({ ...base, ok: true });
      continue;
    }
    checks.push({
      ...base,
      ok: false,
      ...(divergence
        ? {
            divergence: {
              lastMatching: divergence.lastMatching,
              firstDiverging: firstDiverging ?? divergence.firstDiffering,
              exact,
            },
          }
        : {}),
      problem: divergence
        ? exact
          ? `${file}: the live audit trail is not the history this ${found.kind} anchored: it diverges at event ${firstDiverging}`
          : `${file}: the live audit trail is not the history this ${found.kind} anchored: it diverges after event ${divergence.lastMatching ?? 0}, at or before event ${divergence.firstDiffering}`
        : `${file}: the anchor's signature is ${signature === 'invalid' ? 'not valid' : 'by an identity this organisation never had'}`,
    });
  }
  return checks;
}
