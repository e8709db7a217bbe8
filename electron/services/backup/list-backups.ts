import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo } from '../../api/domains/backup';
import { wordedError } from '../core/errors';
import { systemCause } from '../storage/system-error';
import { parseBackupFileName } from './backup-names';
import { backupInfoOf } from './create-backup';
import { readManifest } from './manifest';

/**
 * The Standalone backups in a folder, newest first: files named as backups are named, described
 * by their manifest when it is there (else by their name alone). A folder that does not exist
 * yet holds no backups.
 */
export function listBackups(folder: string): BackupInfo[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT') return [];
    if (code === 'ENOTDIR') throw wordedError('invalid_input', 'notAFolder', { folder });
    const { lists, details } = systemCause(error, 'read');
    throw wordedError(
      'storage_error',
      'folderUnreadable',
      { folder },
      { folder, ...details },
      lists,
    );
  }
  const backups: BackupInfo[] = [];
  for (const name of names) {
    const parsed = parseBackupFileName(name);
    if (!parsed) continue;
    const file = path.join(folder, name);
    let bytes: number;
    try {
      const stat = fs.statSync(file);
      if (!stat.isFile()) continue;
      bytes = stat.size;
    } catch {
      continue;
    }
    const manifest = readManifest(file);
    backups.push(
      manifest && manifest.file === name
        ? backupInfoOf(file, manifest)
        : {
            file,
            fileName: name,
            createdAt: parsed.createdAt.toISOString(),
            kind: parsed.kind,
            schemaVersion: parsed.schemaVersion,
            bytes,
            sha256: null,
            appVersion: null,
            auditEventCount: null,
          },
    );
  }
  return backups.sort(
    (a, b) => b.createdAt.localeCompare(a.createdAt) || b.fileName.localeCompare(a.fileName),
  );
}
