/**
 * Products and devices turned, once, into what the match rules compare: vendor keys, model
 * tokens, family, OS constraint and version specs.
 */
import type { AdvisoryProduct, ProductStatusKind } from '../../api/domains/advisories';
import type { FamilyDefinition } from './alias-tables';
import { type DeviceFamily, type FamilyIndex } from './families';
import {
  productNameVariants,
  significantTokens,
  splitTrailingVersion,
  tokenInfo,
  tokenize,
  type TokenInfo,
  withoutVendorTokens,
} from './model-tokens';
import { osConstraintFromName, withoutOsPhrase, type OsConstraint, type OsIdentity } from './os';
import type { MatchableAdvisory } from './types';
import { parseVersion, type ParsedVersion } from './version-compare';
import {
  compileExclusions,
  modelNumbers,
  namesWholeLine,
  splitExclusions,
  type Exclusion,
} from './product-scope';
import { parseVersionSpec, type VersionSpec } from './version-range';
import type { VendorIdentity, VendorIndex } from './vendors';

const affectedStatuses: readonly ProductStatusKind[] = [
  'known_affected',
  'first_affected',
  'last_affected',
  'under_investigation',
];

export interface CompiledProduct {
  advisory: MatchableAdvisory;
  product: AdvisoryProduct;
  vendor: VendorIdentity;
  /** The name the rules quote: the product_name branch, else the full name. */
  displayName: string;
  family: FamilyDefinition | null;
  os: OsConstraint | null;
  /** Significant tokens of each name the product goes by. */
  variants: TokenInfo[];
  versionSpec: VersionSpec | null;
  /** A version written into the name ("IntelliSpace Portal 8.0.x"). */
  nameVersionSpec: VersionSpec | null;
  /** "MX400-MX850": the product covers every model number in the range. */
  modelRange: ModelRange | null;
  /** Models the product leaves out ("LOGIQ, not including LOGIQ 100 Pro"). */
  exclusions: Exclusion[];
  /** The product names a whole line ("Vivid products", "Voluson"), not one model. */
  wholeLine: boolean;
  /** Model numbers written into the name ("RF models EX1150"). */
  modelNumbers: string[];
  /** The product is only an operating system ("Windows 7" in a vendor's list). */
  osOnly: boolean;
  /** Listed in the product tree, but no vulnerability gives it a status. */
  statusMissing: boolean;
  /** Listed only as under investigation: never more than medium. */
  underInvestigation: boolean;
}

export interface ModelRange {
  text: string;
  prefix: string;
  low: number;
  high: number;
}

const modelRangePattern = /\b([A-Za-z]{1,4})(\d+)\s*-\s*([A-Za-z]{1,4})?(\d+)\b/;

/** A model-number range in a product name ("IntelliVue patient monitor MX400-MX850"). */
export function findModelRange(name: string): ModelRange | null {
  const m = modelRangePattern.exec(name);
  if (!m?.[1] || !m[2] || !m[4]) return null;
  if (m[3] !== undefined && m[3].toLowerCase() !== m[1].toLowerCase()) return null;
  const low = Number(m[2]);
  const high = Number(m[4]);
  if (!(low < high)) return null;
  return { text: m[0], prefix: m[1].toLowerCase(), low, high };
}

export function compileProduct(
  advisory: MatchableAdvisory,
  product: AdvisoryProduct,
  vendors: VendorIndex,
  families: FamilyIndex,
): CompiledProduct | null {
  // CISA's ICSMA-17-215-01/-02 list four products but give a status only to the first: a
  // product an advisory lists without any status is taken as affected (and the reasons say so).
  const statusMissing = product.statuses.length === 0;
  if (!statusMissing && !product.statuses.some((s) => affectedStatuses.includes(s))) return null;
  const vendor = vendors.identify(product.vendor) ?? vendorFromName(product.name, vendors);
  if (!vendor) return null;
  const shownName = product.productName ?? product.name.replace(/:\s.*$/, '');
  const named = splitExclusions(shownName);
  const displayName = named.base;
  const full = splitExclusions(product.name);
  const rawVersion = product.versionRange ?? product.version;
  const version = rawVersion ? splitExclusions(rawVersion) : null;
  const excludedTexts = [
    ...new Set([...named.excluded, ...full.excluded, ...(version?.excluded ?? [])]),
  ];
  const os = osConstraintFromName(displayName) ?? osConstraintFromName(product.name);
  const { base: withRange, version: nameVersion } = splitTrailingVersion(
    withoutOsPhrase(displayName, os),
  );
  const modelRange = findModelRange(withRange);
  const base = modelRange
    ? withRange.replace(modelRange.text, ' ').replace(/\s+/g, ' ').trim()
    : withRange;
  const variants = productNameVariants(base)
    .map((v) => withoutVendorTokens(tokenize(v), vendor.nameTokens))
    .map((tokens) => significantTokens(tokens))
    .filter((tokens) => tokens.length > 0)
    .map(tokenInfo);
  let family: FamilyDefinition | null = null;
  for (const v of variants) {
    family = families.productFamily(vendor.key, v.tokens);
    if (family) break;
  }
  const versionText = version?.base ?? null;
  const exclusions = compileExclusions(displayName, excludedTexts);
  return {
    advisory,
    product,
    vendor,
    displayName: shownName,
    family,
    os,
    variants,
    exclusions,
    wholeLine:
      variants.length > 0 && namesWholeLine(displayName, product.name, exclusions.length > 0),
    modelNumbers: modelNumbers(withRange).filter(
      (n) => !modelRange || !modelRange.text.toUpperCase().includes(n),
    ),
    osOnly: os !== null && variants.length === 0,
    versionSpec: versionText ? parseVersionSpec(versionText) : null,
    nameVersionSpec: nameVersion ? parseVersionSpec(nameVersion) : null,
    modelRange,
    statusMissing,
    underInvestigation:
      !statusMissing &&
      !product.statuses.some((s) => s !== 'under_investigation' && affectedStatuses.includes(s)),
  };
}

/** A product outside any vendor branch may still start with its vendor's name. */
function vendorFromName(name: string, vendors: VendorIndex): VendorIdentity | null {
  const words = name.split(/\s+/);
  for (let n = Math.min(4, words.length - 1); n >= 1; n--) {
    const v = vendors.identify(words.slice(0, n).join(' '));
    if (v?.listed) return v;
  }
  return null;
}

/** What the rules know about a device's model: the same for every device of that model. */
export interface CompiledModel {
  vendor: VendorIdentity;
  modelText: string;
  /** Model tokens with the vendor name removed (for family prefixes). */
  modelTokens: string[];
  /** Significant tokens of the model, plus the product words of a "MiSeq Control Software 4.0" version. */
  significant: TokenInfo;
  family: DeviceFamily | null;
  /** A version written into the model name ("IntelliSpace Portal 8.0"). */
  modelVersion: string | null;
  /** Model numbers in the model name ("Merlin@home EX1150" → EX1150). */
  modelNumbers: string[];
}

export interface DeviceVersion {
  text: string;
  parsed: ParsedVersion | null;
}

/** What the rules know about one device beyond its model. */
export interface DeviceFacts {
  vendor: VendorIdentity;
  os: OsIdentity | null;
  /** The versions the device records: its software version, and one written into its model name. */
  versions: DeviceVersion[];
}

/** "MiSeq Control Software 4.0" → product words "MiSeq Control Software" and version "4.0". */
export function splitSoftwareVersion(text: string): { words: string | null; version: string } {
  const m = /^([A-Za-z]\S*(?:\s+\S+)+?)\s+(v?\d[\w.-]*)$/.exec(text.trim());
  if (m?.[1] && m[2]) return { words: m[1], version: m[2] };
  return { words: null, version: text.trim() };
}

export function compileModel(
  vendor: VendorIdentity,
  model: string,
  familyField: string | null,
  softwareWords: string | null,
  families: FamilyIndex,
): CompiledModel {
  const modelText = model.trim();
  const { base, version: modelVersion } = splitTrailingVersion(modelText);
  const modelTokens = withoutVendorTokens(tokenize(base), vendor.nameTokens);
  const significant = significantTokens(modelTokens);
  if (softwareWords) {
    for (const t of significantTokens(
      withoutVendorTokens(tokenize(softwareWords), vendor.nameTokens),
    )) {
      if (!significant.includes(t)) significant.push(t);
    }
  }
  return {
    vendor,
    modelText,
    modelTokens,
    significant: tokenInfo(significant),
    family: families.deviceFamily(vendor.key, modelTokens, familyField),
    modelVersion,
    modelNumbers: modelNumbers(modelText),
  };
}

export function deviceVersion(text: string): DeviceVersion {
  return { text, parsed: parseVersion(text) };
}
