import crypto from 'node:crypto';
import path from 'node:path';
import { resourceHashes } from './resource-hashes.generated';

/** Regenerates the built-in list after a shipped playbook or font was changed on purpose. */
const regenerate = 'node scripts/resource-hashes.mjs';

/**
 * Whether a playbook or font read from the resources folder is the file this version ships: its
 * SHA-256 against the list built into the app. A playbook decides which questions guard a
 * device's return to the network and a font what a signed PDF shows, so a file changed beside
 * the app is refused, not used. Returns the problem, naming the file, or null.
 */
export function resourceProblem(
  resourcesDir: string,
  file: string,
  bytes: Uint8Array,
): string | null {
  const name = path.relative(resourcesDir, file).split(path.sep).join('/');
  const expected = resourceHashes[name];
  if (expected === undefined) {
    return (
      `${file}: is not one of the files this version of Standalone ships, so it cannot be ` +
      `checked and is not used. Remove it, or reinstall Standalone (a developer adding it runs ${regenerate}).`
    );
  }
  const actual = crypto.createHash('sha256').update(bytes).digest('hex');
  if (actual !== expected) {
    return (
      `${file}: its SHA-256 is ${actual}, not ${expected} as built into this version of ` +
      `Standalone: the file was changed. Reinstall Standalone (a developer changing it runs ${regenerate}).`
    );
  }
  return null;
}
