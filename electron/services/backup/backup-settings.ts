import type Database from 'better-sqlite3';
import path from 'node:path';
import type { BackupSettings } from '../../api/domains/backup';
import { getSetting } from '../settings/settings';

export const backupSettingsKey = 'backup';

/**
 * Off until someone chooses: a schedule that writes files needs a folder someone looks after,
 * and every test runtime would otherwise take backups of its own.
 */
export const defaultBackupSettings: BackupSettings = {
  automatic: false,
  folder: null,
  intervalMinutes: 60,
  keep: 48,
};

export function readBackupSettings(db: Database.Database): BackupSettings {
  const stored = getSetting<Partial<BackupSettings>>(db, backupSettingsKey);
  return { ...defaultBackupSettings, ...stored };
}

/** The folder a backup goes to when none is given. */
export function backupFolderOf(settings: BackupSettings, dataDir: string): string {
  return settings.folder ?? path.join(dataDir, 'backups');
}
