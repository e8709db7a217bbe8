import type Database from 'better-sqlite3';
import type { SecuritySettings } from '../../api/domains/people';
import { getSetting, setSetting } from '../settings/settings';

const key = 'security';

export const defaultSecuritySettings: Readonly<SecuritySettings> = {
  lockoutThreshold: 5,
  lockoutMinutes: 5,
  idleMinutes: 5,
};

/** The stored settings over the defaults (a setting added later takes its default). */
export function getSecuritySettings(db: Database.Database): SecuritySettings {
  return { ...defaultSecuritySettings, ...getSetting<Partial<SecuritySettings>>(db, key) };
}

/** Run inside the transaction that writes the settings.changed audit event. */
export function setSecuritySettings(
  db: Database.Database,
  change: Partial<SecuritySettings>,
): { before: SecuritySettings; after: SecuritySettings } {
  const before = getSecuritySettings(db);
  const after: SecuritySettings = {
    lockoutThreshold: change.lockoutThreshold ?? before.lockoutThreshold,
    lockoutMinutes: change.lockoutMinutes ?? before.lockoutMinutes,
    idleMinutes: change.idleMinutes ?? before.idleMinutes,
  };
  setSetting(db, key, after);
  return { before, after };
}
