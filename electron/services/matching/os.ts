/**
 * Operating-system constraints. CISA's medical advisories put the OS in the product name
 * ("Siemens PET/CT Systems Windows 7-Based"); inventories write it many ways ("Win7 SP1",
 * "Windows 7 Professional", "Win 7 x64", "Windows XP Embedded").
 */

export interface OsIdentity {
  family: 'windows' | 'linux' | 'macos';
  /** For Windows: "xp", "7", "10", "server 2012 r2", …; null when not stated. */
  release: string | null;
  /** How people write it, for reasons: "Windows 7". */
  label: string;
}

export interface OsConstraint {
  os: OsIdentity;
  /** The words in the product name that carry the constraint ("Windows 7-Based"). */
  phrase: string;
}

const windowsRelease = '(xp|vista|7|8\\.1|8|10|11|nt|2000|server\\s*\\d{4}(?:\\s*r2)?)';
const productWindows = new RegExp(
  `\\b(?:microsoft\\s+)?windows\\s*${windowsRelease}(?:[\\s-]*based)?\\b`,
  'i',
);
const deviceWindows = new RegExp(`\\bwin(?:dows)?\\s*${windowsRelease}(?![\\d.])`, 'i');

function windowsLabel(release: string): string {
  const r = release.toLowerCase().replace(/\s+/g, ' ');
  const pretty =
    r === 'xp' || r === 'nt'
      ? r.toUpperCase()
      : r.replace(/^server/, 'Server').replace(/r2$/, 'R2');
  return `Windows ${pretty}`;
}

function windows(release: string): OsIdentity {
  const r = release.toLowerCase().replace(/\s+/g, ' ');
  return { family: 'windows', release: r, label: windowsLabel(r) };
}

/** The OS a product name restricts the product to, or null. */
export function osConstraintFromName(name: string): OsConstraint | null {
  const m = productWindows.exec(name);
  if (!m?.[1]) return null;
  return { os: windows(m[1]), phrase: m[0] };
}

/** The product name without its OS phrase ("Siemens PET/CT Systems"). */
export function withoutOsPhrase(name: string, constraint: OsConstraint | null): string {
  return constraint ? name.replace(constraint.phrase, ' ').replace(/\s+/g, ' ').trim() : name;
}

/** What a device's OS fields say; null when they say nothing we recognise. */
export function deviceOs(osName: string | null, osVersion: string | null): OsIdentity | null {
  const text = `${osName ?? ''} ${osVersion ?? ''}`.trim();
  if (!text) return null;
  const w = deviceWindows.exec(text);
  if (w?.[1]) return windows(w[1]);
  if (/\bwin(dows)?\b/i.test(text)) return { family: 'windows', release: null, label: 'Windows' };
  if (/\b(linux|rhel|red\s*hat|centos|ubuntu|debian|suse|unix|solaris)\b/i.test(text)) {
    return { family: 'linux', release: null, label: 'Linux/Unix' };
  }
  if (/\b(mac\s*os|macos|os\s*x)\b/i.test(text))
    return { family: 'macos', release: null, label: 'macOS' };
  return null;
}

export type OsVerdict = 'same' | 'different' | 'unknown';

export function compareOs(required: OsIdentity, device: OsIdentity | null): OsVerdict {
  if (!device) return 'unknown';
  if (device.family !== required.family) return 'different';
  if (!required.release) return 'same';
  if (!device.release) return 'unknown';
  return device.release === required.release ? 'same' : 'different';
}
