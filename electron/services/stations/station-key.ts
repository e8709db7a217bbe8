import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { wordedError } from '../core/errors';

/**
 * The station's private key lives in a file of its own in the data folder, readable only by the
 * account that runs the app, never in the database: backups and bundles copy the database or
 * its events, so the key never leaves the station with them. It is not passphrase-protected
 * because the station signs its bundles unattended (after each change in folder mode); its
 * power is limited to speaking for this station, and the organisation can revoke it.
 */
export const stationKeyFileName = 'station-key.pem';

export function stationKeyFile(dataDir: string): string {
  return path.join(dataDir, stationKeyFileName);
}

/** Generate the key pair and write the private key (PKCS#8 PEM, mode 0600) next to the database. */
export function createStationKey(dataDir: string): crypto.KeyObject {
  const file = stationKeyFile(dataDir);
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const temp = `${file}.${process.pid}.partial`;
  fs.writeFileSync(temp, pem, { mode: 0o600, flag: 'wx' });
  fs.renameSync(temp, file);
  return privateKey;
}

const cache = new Map<string, crypto.KeyObject>();

/** The station's private key, checked against the public key the database holds for it. */
export function loadStationKey(dataDir: string, expectedPublicKeyDer: Buffer): crypto.KeyObject {
  const file = stationKeyFile(dataDir);
  let key = cache.get(file);
  if (!key) {
    let pem: string;
    try {
      pem = fs.readFileSync(file, 'utf8');
    } catch {
      throw wordedError('conflict', 'stationKeyMissing', { file }, { station: 'key_missing' });
    }
    key = crypto.createPrivateKey(pem);
  }
  const publicDer = crypto.createPublicKey(key).export({ type: 'spki', format: 'der' });
  if (!publicDer.equals(expectedPublicKeyDer)) {
    throw wordedError('conflict', 'stationKeyMismatch', { file }, { station: 'key_mismatch' });
  }
  cache.set(file, key);
  return key;
}
