import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { chainAnchorSchema } from '../audit/anchors';
import { checksumFileOf, manifestFileOf } from './backup-names';
import { writeFileAtomically } from './files';

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

/** `<name>.manifest.json` beside each backup: what it is, and its checksum a second time. */
export const manifestSchema = z.object({
  format: z.literal('standalone-backup'),
  formatVersion: z.literal(1),
  file: z.string(),
  sha256: sha256Hex,
  bytes: z.number().int().nonnegative(),
  createdAt: z.string(),
  kind: z.enum(['manual', 'automatic']),
  schemaVersion: z.number().int().nonnegative(),
  appVersion: z.string(),
  auditEventCount: z.number().int().nonnegative(),
  auditLastHash: z.string().nullable(),
  /** The backup's chain head, signed: `audit verify --anchor` checks the live chain extends it. */
  anchor: chainAnchorSchema.optional(),
});
export type BackupManifest = z.infer<typeof manifestSchema>;

export function writeChecksumAndManifest(backupFile: string, manifest: BackupManifest): void {
  // sha256sum's own format, so `sha256sum -c` can check a backup without Standalone.
  writeFileAtomically(
    checksumFileOf(backupFile),
    `${manifest.sha256}  ${path.basename(backupFile)}\n`,
  );
  writeFileAtomically(manifestFileOf(backupFile), JSON.stringify(manifest, null, 2) + '\n');
}

/** The manifest beside a backup; null when there is none or it is not a valid manifest. */
export function readManifest(backupFile: string): BackupManifest | null {
  const text = textOrNull(manifestFileOf(backupFile));
  if (text === null) return null;
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The checksum in `<file>.sha256`; null when it is missing or does not name this file. */
export function readChecksumFile(backupFile: string): string | null {
  const text = textOrNull(checksumFileOf(backupFile));
  if (text === null) return null;
  const m = /^([0-9a-fA-F]{64})\s+\*?(.+?)\s*$/m.exec(text);
  if (!m?.[1] || m[2] !== path.basename(backupFile)) return null;
  return m[1].toLowerCase();
}

/** The text of a file beside the backup; null when it cannot be read. */
function textOrNull(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}
