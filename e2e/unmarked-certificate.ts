import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import path from 'node:path';
import { databaseFileName } from '../electron/services/db/open';
import { currentIdentity } from '../electron/services/signing/identity-store';
import { decryptPrivateKey } from '../electron/services/signing/key-envelope';
import { setUnmarkedCertificate } from '../electron/services/stations/test/stations-setup';

/**
 * The command post's certificate as one issued before command-post certificates were marked
 * (a database from an earlier version): a plain station certificate for its own key, signed
 * with the organisation key.
 */
export async function withUnmarkedCertificate(dataDir: string, passphrase: string): Promise<void> {
  const db = new Database(path.join(dataDir, databaseFileName));
  try {
    db.pragma('busy_timeout = 10000');
    const identity = currentIdentity(db);
    if (!identity?.encrypted_key) throw new Error('No command post here');
    const pkcs8 = await decryptPrivateKey(
      identity.encrypted_key,
      passphrase,
      identity.fingerprint_sha256,
    );
    if (!pkcs8) throw new Error('The demo passphrase does not open the organisation key');
    const privateKey = crypto.createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
    setUnmarkedCertificate(db, privateKey, new Date());
  } finally {
    db.close();
  }
}
