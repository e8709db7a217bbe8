import fs from 'node:fs';
import path from 'node:path';
import { wordedError } from '../core/errors';

export const commonPinsFile = path.join('security', 'common-pins.txt');

const loaded = new Map<string, ReadonlySet<string>>();

/** The shipped list of the most common PINs (resources/security/common-pins.txt), read once. */
export function loadCommonPins(resourcesDir: string): ReadonlySet<string> {
  const known = loaded.get(resourcesDir);
  if (known) return known;
  const file = path.join(resourcesDir, commonPinsFile);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw wordedError(
      'internal',
      'installDamaged',
      { file },
      { technical: (error as Error).message },
    );
  }
  const pins = new Set<string>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    if (!/^[0-9]{4,32}$/.test(line)) {
      throw wordedError(
        'internal',
        'installDamaged',
        { file },
        { technical: `line ${index + 1}: "${line}" is not a PIN of digits` },
      );
    }
    pins.add(line);
  });
  loaded.set(resourcesDir, pins);
  return pins;
}
