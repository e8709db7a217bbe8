/**
 * The match rules, one device against one advisory product. Each piece of evidence adds a reason
 * in words; the confidence is the model evidence's level, lowered by anything left unknown.
 * A device outside the affected versions or on another operating system is not a match.
 */
import type { MatchConfidence } from '../../api/domains/advisories';
import { versConstraints, versionRangeEnglish } from '../../api/version-range-words';
import type { CompiledModel, CompiledProduct, DeviceFacts, ModelRange } from './compile';
import { relateModels, relationRank, type ModelRelation } from './model-tokens';
import { compareOs } from './os';
import { exclusionFor, otherVariantOf } from './product-scope';
import type { VendorIdentity } from './vendors';
import {
  coversAllVersions,
  explainOutside,
  versionInSpec,
  type RangeVerdict,
  type VersionSpec,
} from './version-range';

export interface ModelEvidence {
  confidence: MatchConfidence;
  /** Orders evidence of the same confidence: a family model beats an exact name beats a subset. */
  rank: number;
  reason: string;
}

export interface RuleResult {
  matched: true;
  confidence: MatchConfidence;
  rank: number;
  reasons: string[];
}

/** A device of the product's vendor that the rules turned away, and why, in words. */
export interface RuleRefusal {
  matched: false;
  reason: string;
}

const q = (s: string) => `“${s}”`;

const relationWords: Record<
  ModelRelation,
  { confidence: MatchConfidence; text: (d: string, p: string) => string }
> = {
  exact: {
    confidence: 'high',
    text: (d, p) => `Model: ${q(d)} is the product the advisory names (${q(p)}).`,
  },
  'same-distinctive-words': {
    confidence: 'medium',
    text: (d, p) =>
      `Model: ${q(d)} and the advisory's product ${q(p)} share every distinctive word and differ only in generic ones; check that it is the same product.`,
  },
  'device-more-specific': {
    confidence: 'medium',
    text: (d, p) =>
      `Model: ${q(d)} contains every word of the product name ${q(p)}, so it may be a variant of it; check it.`,
  },
  'product-more-specific': {
    confidence: 'medium',
    text: (d, p) =>
      `Model: the advisory's product ${q(p)} is more specific than the device's model ${q(d)}; check which one the device is.`,
  },
  'product-line': {
    confidence: 'low',
    text: (d, p) =>
      `Model: ${q(d)} only shares its product line with ${q(p)}; a different model is probably not affected, check it.`,
  },
};

/** Why the product leaves this model out, or null when it does not. */
export function excludedModel(d: CompiledModel, p: CompiledProduct): string | null {
  const verdict = exclusionFor(p.exclusions, d.modelTokens);
  if (verdict?.kind !== 'excluded') return null;
  return `Excluded: the advisory names ${q(p.displayName)} but leaves out ${q(verdict.exclusion.text)}, and ${q(d.modelText)} is that model.`;
}

/** How the device's model relates to the product: by family, by name, or not at all. */
export function modelEvidence(d: CompiledModel, p: CompiledProduct): ModelEvidence | null {
  if (p.exclusions.length > 0) {
    const verdict = exclusionFor(p.exclusions, d.modelTokens);
    if (verdict?.kind === 'excluded') return null;
    const evidence = namedModelEvidence(d, p);
    if (evidence && verdict?.kind === 'revision-unknown') {
      return {
        confidence: lower(evidence.confidence, 'medium'),
        rank: evidence.rank,
        reason: `${evidence.reason} The advisory leaves out ${q(verdict.exclusion.text)}, and the device's record does not say its revision; check it.`,
      };
    }
    return evidence;
  }
  return namedModelEvidence(d, p);
}

function namedModelEvidence(d: CompiledModel, p: CompiledProduct): ModelEvidence | null {
  if (p.osOnly && p.os) {
    return {
      confidence: 'medium',
      rank: 1,
      reason: `Operating system as product: the advisory lists ${p.os.os.label} itself among ${p.vendor.name}'s affected products, not a model; a device of this vendor running it may be affected; check it.`,
    };
  }
  if (p.family) {
    if (!d.family || d.family.family.key !== p.family.key) return null;
    if (d.family.by === 'model') {
      // A family named after its one model ("SPECT workplaces (Symbia.net)") says it once.
      const evidence = `(${d.family.evidence})`;
      const family = p.family.name.includes(evidence)
        ? p.family.name
        : `${p.family.name} ${evidence}`;
      return {
        confidence: 'high',
        rank: 6,
        reason: `Family: ${q(d.modelText)} is one of the ${family}, the family the advisory names in ${q(p.displayName)}.`,
      };
    }
    return {
      confidence: 'medium',
      rank: 3,
      reason: `Family: the device's family field ${q(d.family.evidence)} says ${p.family.name}, the family the advisory names in ${q(p.displayName)}, but the model ${q(d.modelText)} is not one the family table lists; check it.`,
    };
  }
  if (p.modelRange) return modelRangeEvidence(d, p, p.modelRange);
  let best: ModelRelation | null = null;
  for (const variant of p.variants) {
    const r = relateModels(variant, d.significant);
    if (r && (!best || relationRank[r] > relationRank[best])) best = r;
  }
  const shared = p.modelNumbers.filter((n) => d.modelNumbers.includes(n));
  if (shared.length > 0 && (!best || relationWords[best].confidence !== 'high')) {
    return {
      confidence: 'high',
      rank: relationRank.exact,
      reason: `Model number: ${shared.join(', ')} is in both the device's model ${q(d.modelText)} and the advisory's product ${q(p.displayName)}.`,
    };
  }
  if (!best) return null;
  // A shared line word only says something within one brand: Baxter's "Connex Health Portal" is
  // not a Welch Allyn "Connex" monitor, though Baxter owns Welch Allyn today.
  if (best === 'product-line' && d.vendor.former?.name !== p.vendor.former?.name) return null;
  if (p.wholeLine && (best === 'device-more-specific' || best === 'product-line')) {
    // The advisory names the line itself ("Vivid products", "LOGIQ, not including …"): every
    // model of it is named, so it is as strong as a named product.
    return {
      confidence: 'high',
      rank: relationRank['device-more-specific'],
      reason: `Product line: the advisory names the whole ${q(p.displayName)} line, and ${q(d.modelText)} belongs to it.`,
    };
  }
  const words = relationWords[best];
  return {
    confidence: words.confidence,
    rank: relationRank[best],
    reason: words.text(d.modelText, p.displayName),
  };
}

/** A model number inside the product's range, and the product's other words in the model. */
function modelRangeEvidence(
  d: CompiledModel,
  p: CompiledProduct,
  range: ModelRange,
): ModelEvidence | null {
  const tokens = d.modelTokens;
  let number: number | null = null;
  for (let i = 0; i + 1 < tokens.length; i++) {
    const n = Number(tokens[i + 1]);
    if (tokens[i] === range.prefix && Number.isInteger(n) && n >= range.low && n <= range.high)
      number = n;
  }
  if (number === null) return null;
  const words = p.variants.some((v) => [...v.distinctive].every((t) => d.significant.set.has(t)));
  if (!words) return null;
  return {
    confidence: 'high',
    rank: relationRank.exact,
    reason: `Model: ${q(d.modelText)} is ${range.prefix.toUpperCase()}${number}, within the models ${q(range.text)} of ${q(p.displayName)}.`,
  };
}

const order: MatchConfidence[] = ['low', 'medium', 'high'];
function lower(a: MatchConfidence, cap: MatchConfidence): MatchConfidence {
  return order.indexOf(a) <= order.indexOf(cap) ? a : cap;
}

function specVerdict(
  spec: VersionSpec,
  d: DeviceFacts,
): { verdict: RangeVerdict; version: string | null; why?: string } {
  if (coversAllVersions(spec)) return { verdict: 'in', version: null };
  let unknown: string | null = null;
  let out: { text: string; why: string } | null = null;
  for (const v of d.versions) {
    const r = versionInSpec(spec, v.parsed);
    if (r === 'in') return { verdict: 'in', version: v.text };
    if (r === 'unknown') unknown ??= v.text;
    else if (!out && v.parsed) out = { text: v.text, why: explainOutside(spec, v.parsed) };
  }
  if (out && unknown === null) return { verdict: 'out', version: out.text, why: out.why };
  return { verdict: 'unknown', version: unknown };
}

function vendorReason(device: VendorIdentity, deviceText: string, p: CompiledProduct): string {
  const advisoryVendor = p.product.vendor ?? p.vendor.name;
  const acquired = [p.vendor.former, device.former].filter((f) => f !== undefined);
  if (acquired.length > 0) {
    const story = acquired.map((f) => `${f.name} was ${f.became} (${f.source})`).join('; ');
    return `Vendor: the device's ${q(deviceText)} and the advisory's ${q(advisoryVendor)} are one company today, ${p.vendor.name}: ${story}.`;
  }
  return deviceText === advisoryVendor
    ? `Vendor: ${p.vendor.name}.`
    : `Vendor: the device's ${q(deviceText)} and the advisory's ${q(advisoryVendor)} are the same company (${p.vendor.name}).`;
}

function containsModelNumber(text: string | null, model: string): boolean {
  if (!text) return false;
  const escaped = model.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^A-Za-z0-9])${escaped}($|[^A-Za-z0-9])`, 'i').test(text);
}

export interface DeviceTexts {
  vendor: string | null;
  osName: string | null;
  osVersion: string | null;
  model: string | null;
  serialNumber: string | null;
  notes: string | null;
}

/** Apply every rule: a match with its reasons, or the reason the device is not one. */
export function evaluateMatch(
  d: DeviceFacts,
  texts: DeviceTexts,
  p: CompiledProduct,
  model: ModelEvidence,
): RuleResult | RuleRefusal {
  let confidence = model.confidence;
  const caps: MatchConfidence[] = [];
  const reasons: string[] = [];
  reasons.push(vendorReason(d.vendor, texts.vendor?.trim() ?? '', p));
  reasons.push(model.reason);

  if (p.os) {
    const verdict = compareOs(p.os.os, d.os);
    const osText = [texts.osName, texts.osVersion].filter(Boolean).join(' ');
    if (verdict === 'different') {
      return {
        matched: false,
        reason: `Operating system: the advisory covers ${p.os.os.label}-based ${q(p.displayName)} only, and the device runs ${d.os?.label ?? 'another system'} (${q(osText)}).`,
      };
    }
    if (verdict === 'same' && d.os) {
      reasons.push(
        `Operating system: the device runs ${d.os.label} (${q(osText)}), and the advisory covers ${p.os.os.label}-based systems.`,
      );
    } else {
      caps.push('medium');
      reasons.push(
        `Operating system: the advisory covers only ${p.os.os.label}-based systems and the device's operating system ` +
          (osText ? `${q(osText)} does not say which one it is` : 'is not recorded') +
          '; check it.',
      );
    }
  }

  const specs = [p.versionSpec, p.nameVersionSpec].filter((s): s is VersionSpec => s !== null);
  if (specs.length === 0)
    reasons.push('Version: the advisory names no version, so every version is assumed affected.');
  for (const spec of specs) {
    const { verdict, version, why } = specVerdict(spec, d);
    if (verdict === 'out') {
      return {
        matched: false,
        reason: `Version: ${why ?? ''}; the advisory's ${q(p.displayName)} covers ${q(versionRangeEnglish(spec.text))}, so the device is not affected.`,
      };
    }
    if (coversAllVersions(spec)) {
      // A `vers:` catch-all says nothing more than "all versions"; free text is quoted.
      reasons.push(
        versConstraints(spec.text)
          ? 'Version: the advisory covers all versions.'
          : `Version: the advisory covers all versions (${q(spec.text)}).`,
      );
    } else if (verdict === 'in') {
      reasons.push(
        `Version: ${q(version ?? '')} is within the affected versions ${q(versionRangeEnglish(spec.text))}.`,
      );
    } else {
      caps.push('medium');
      reasons.push(
        version
          ? `Version: ${q(version)} cannot be compared with the affected versions ${q(versionRangeEnglish(spec.text))}; check it.`
          : `Version: the advisory covers ${q(versionRangeEnglish(spec.text))} and the device's software version is not recorded; check it.`,
      );
    }
    for (const qualifier of spec.qualifiers) {
      caps.push('medium');
      reasons.push(
        `Version: the advisory also requires ${q(qualifier)}, which the inventory does not record; check it.`,
      );
    }
    for (const number of spec.modelNumbers) {
      const found = [texts.model, texts.serialNumber, texts.notes].some((t) =>
        containsModelNumber(t, number),
      );
      if (found) {
        // The advisory's own model number on the device settles a name that only partly agreed.
        if (model.rank >= relationRank['product-more-specific']) confidence = 'high';
        reasons.push(
          `Model number: ${number}, which the advisory names, is recorded on the device.`,
        );
      } else {
        const recorded = [texts.model, texts.serialNumber, texts.notes];
        const other = otherVariantOf(number, recorded);
        if (other) {
          return {
            matched: false,
            reason: `Model number: the advisory's ${q(p.displayName)} is model ${number}, and the device's record says model ${other}, another variant; the device is not this product.`,
          };
        }
        caps.push('medium');
        reasons.push(
          `Model number: the advisory names model ${number}, which the device's record does not mention; check it.`,
        );
      }
    }
  }
  if (p.statusMissing) {
    reasons.push(
      'Status: the advisory lists this product but gives it no product status; a listed product is taken as affected.',
    );
  }
  if (p.underInvestigation) {
    caps.push('medium');
    reasons.push(
      'Status: the vendor lists this product as under investigation, not yet as affected.',
    );
  }
  for (const cap of caps) confidence = lower(confidence, cap);
  return { matched: true, confidence, rank: model.rank, reasons };
}
