import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { englishErrorWords, type ErrorWordKey, type ErrorWords } from '../../api/error-words';
import type { Services } from '../core/context';
import { NotAnEnvelope } from './cms';

/**
 * Bundle files as the import reads them, and the bundles it holds: one that starts after a gap in
 * its station's chain is kept in the data folder, named by its content, and tried again at every
 * later import.
 */

/** Larger than any bundle a station writes (100,000 events are a few tens of megabytes). */
const maxBundleBytes = 1024 * 1024 * 1024;

export function heldFolder(services: Services): string {
  return path.join(services.dataDir, 'exchange', 'held');
}

function notAnEnvelope(key: ErrorWordKey): NotAnEnvelope {
  const words: ErrorWords = { key, params: {} };
  return new NotAnEnvelope(englishErrorWords(words), words);
}

export function readBundleFile(file: string): Buffer {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw notAnEnvelope('bundleFileUnreadable');
  }
  if (!stat.isFile()) throw notAnEnvelope('bundleNotAFile');
  if (stat.size > maxBundleBytes) throw notAnEnvelope('bundleTooLarge');
  return fs.readFileSync(file);
}

/** The bundles held from earlier imports. */
export function heldFiles(services: Services): string[] {
  const dir = heldFolder(services);
  return fs.existsSync(dir) ? fs.readdirSync(dir).map((f) => path.join(dir, f)) : [];
}

export function keepHeld(services: Services, file: string): void {
  const dir = heldFolder(services);
  fs.mkdirSync(dir, { recursive: true });
  const bytes = fs.readFileSync(file);
  const name = crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 32) + '.p7m';
  const target = path.join(dir, name);
  if (path.resolve(file) !== target && !fs.existsSync(target)) fs.writeFileSync(target, bytes);
}
