import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { systemActor } from '../audit/append';
import { issueAnchor, type ChainAnchor } from '../audit/anchors';
import { appVersion } from '../core/app-version';
import type { Services } from '../core/context';
import { OrganisationSigner } from '../signing/cms-signer';
import { requireUnlockedIdentity } from '../signing/identity';
import type { UnlockedIdentity } from '../signing/session-key';
import { documentContent } from './content-hash';
import { loadPdfFonts, type PdfFonts } from './fonts';
import { writeMetadata, type PdfMetadata } from './metadata';
import type { PdfDocumentModel } from './model';
import { pdfTextLiteral } from './pdf-strings';
import { deflateNatively } from './native-deflate';
import { renderPdf } from './render';

/**
 * The signature: `adbe.pkcs7.detached` with SHA-256 and a signing time. Not ETSI.CAdES.detached:
 * PAdES baseline also requires the ESS signing-certificate-v2 attribute, which forge's PKCS#7
 * does not write, so a PAdES validator would reject it; adbe.pkcs7.detached is what every
 * reader verifies.
 */
const subFilter = 'adbe.pkcs7.detached';

const signers = new WeakMap<UnlockedIdentity, OrganisationSigner>();

/** One signer per unlocked key: its certificates are parsed once for a whole batch. */
function signerFor(identity: UnlockedIdentity): OrganisationSigner {
  let signer = signers.get(identity);
  if (!signer) {
    signer = new OrganisationSigner(identity);
    signers.set(identity, signer);
  }
  return signer;
}

function commonName(subject: string): string {
  return /(?:^|, )CN=([^,]+)/.exec(subject)?.[1] ?? subject;
}

export function metadataOf(
  model: PdfDocumentModel,
  fingerprint: string,
  version: string,
  anchor?: ChainAnchor | null,
): PdfMetadata {
  return {
    format: 'standalone-pdf/1',
    kind: model.kind,
    title: model.title,
    facility: model.facility,
    subjects: model.subjects,
    auditReference: model.auditReference,
    generatedAt: model.generatedAt.toISOString(),
    ...(model.language ? { language: model.language } : {}),
    ...(model.playbookLanguage ? { playbookLanguage: model.playbookLanguage } : {}),
    content: documentContent(model),
    ...(model.values ? { values: documentContent(model.values) } : {}),
    certificateFingerprintSha256: fingerprint,
    ...(anchor ? { anchor } : {}),
    app: { name: 'Standalone', version },
  };
}

/**
 * Render the model and sign it with the given identity: the signature covers the whole file
 * except the signature itself, and sits in a field over the visible sign-off block.
 */
export async function renderSignedPdf(
  model: PdfDocumentModel,
  fonts: PdfFonts,
  identity: UnlockedIdentity,
  version = appVersion(),
  anchor: ChainAnchor | null = null,
): Promise<Buffer> {
  const signer = signerFor(identity);
  const { doc, signatureBox } = await renderPdf(model, fonts, identity);
  writeMetadata(doc, metadataOf(model, identity.fingerprintSha256, version, anchor));
  pdflibAddPlaceholder({
    pdfPage: signatureBox.page,
    reason: pdfTextLiteral(model.signatureReason),
    contactInfo: '',
    name: pdfTextLiteral(commonName(identity.subject)),
    location: pdfTextLiteral(model.facility),
    signingTime: model.generatedAt,
    // In hex digits: the placeholder is written as a hex string of this many characters.
    signatureLength: signer.maxSignatureBytes() * 2,
    subFilter,
    widgetRect: signatureBox.rect,
    appName: 'Standalone',
  });
  deflateNatively(doc);
  // No object streams: the signature dictionary must stay a plain object that @signpdf finds;
  // no yielding between objects: a batch is faster without it.
  const unsigned = await doc.save({
    useObjectStreams: false,
    objectsPerTick: Number.POSITIVE_INFINITY,
    updateFieldAppearances: false,
  });
  return new SignPdf().sign(Buffer.from(unsigned), signer, model.generatedAt);
}

/**
 * What exporters call: the document signed with the organisation's unlocked identity. Fails
 * with a clear error when no identity is set up or its key is locked for this session.
 */
export async function exportSignedPdf(
  services: Services,
  model: PdfDocumentModel,
): Promise<Buffer> {
  const identity = requireUnlockedIdentity(services);
  // The chain's head as the PDF leaves the app, recorded as an event of its own.
  const anchor = issueAnchor(
    { services, actor: systemActor },
    { kind: 'pdf', name: model.title.slice(0, 500) },
  );
  return renderSignedPdf(
    model,
    loadPdfFonts(services.resourcesDir),
    identity,
    appVersion(),
    anchor,
  );
}
