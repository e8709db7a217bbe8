/**
 * Operating-system constraints. CISA's medical advisories put the OS in the product name
 * ("Siemens PET/CT Systems Windows 7-Based"); inventories write it many ways ("Win7 SP1",
 * "Windows 7 Professional", "Win 7 x64", "Windows XP Embedded").
 */

export interface OsIdentity {
  family: 'windows' | 'windows-ce' | 'linux' | 'macos';
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
  `\\b(?:microsoft\\s+)?windows\\s*(?:embedded\\s+(?:standard\\s+)?)?${windowsRelease}(?:\\s+embedded)?(?:[\\s-]*based)?\\b`,
  'i',
);
/**
 * Inventories write "Win7", "W7 SP1", "Windows Embedded Standard 7", "WES7", "Win 10 IoT
 * Enterprise", "XP Embedded", "XPe": the release follows the name, after an optional embedded
 * edition word. Windows Embedded Compact / CE is another system (CE-based), checked first.
 */
const deviceWindows = new RegExp(
  `\\b(?:win(?:dows)?|w)\\s*(?:embedded\\s+(?:standard|posready|enterprise|pos\\s*ready)\\s*)?${windowsRelease}(?![\\d.])`,
  'i',
);
const embeddedAliases: [RegExp, string][] = [
  [/\bwes\s*7\b|\bwindows\s+thin\s+pc\b/i, '7'],
  [/\bwe8s\b|\bwes\s*8\b/i, '8'],
  // Windows Embedded Standard 2009 and POSReady 2009 are built on Windows XP.
  [
    /\bxp\s*(?:embedded|e|pro(?:fessional)?|home)?\b|\bembedded\s+standard\s+2009\b|\bposready\s+2009\b|\bwepos\b/i,
    'xp',
  ],
];
const windowsCe = /\b(?:windows\s+(?:embedded\s+)?(?:ce|compact)|wince)\b/i;

/** Trademark signs and punctuation that inventories copy from vendor documents. */
function cleanOsText(text: string): string {
  return text.replace(/[®™©]|\((?:r|tm|c)\)/gi, ' ').replace(/\s+/g, ' ');
}

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
  const m = productWindows.exec(cleanOsText(name));
  if (!m?.[1]) return null;
  return { os: windows(m[1]), phrase: m[0] };
}

/** The product name without its OS phrase ("Siemens PET/CT Systems"). */
export function withoutOsPhrase(name: string, constraint: OsConstraint | null): string {
  return constraint ? name.replace(constraint.phrase, ' ').replace(/\s+/g, ' ').trim() : name;
}

/** What a device's OS fields say; null when they say nothing we recognise. */
export function deviceOs(osName: string | null, osVersion: string | null): OsIdentity | null {
  const text = cleanOsText(`${osName ?? ''} ${osVersion ?? ''}`).trim();
  if (!text) return null;
  if (windowsCe.test(text)) return { family: 'windows-ce', release: null, label: 'Windows CE' };
  const w = deviceWindows.exec(text);
  if (w?.[1]) return windows(w[1]);
  for (const [pattern, release] of embeddedAliases) {
    if (pattern.test(text)) return windows(release);
  }
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
