import { PDFDict, PDFHexString, PDFName, PDFString, type PDFDocument } from 'pdf-lib';
import { pdfMetadataSchema, type PdfMetadata } from '../../api/domains/pdf-verify';

/** The Info dictionary entry that carries what `verify-pdf` needs, as JSON. */
export const metadataKey = 'StandaloneMetadata';

// The schema is the API's: `exports.verifyPdf` reports the metadata it read.
export type { PdfMetadata };

/** The document information a reader shows, plus the machine-readable entry. */
export function writeMetadata(doc: PDFDocument, meta: PdfMetadata): void {
  const when = new Date(meta.generatedAt);
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(meta.facility);
  doc.setSubject(`Standalone ${meta.kind} record`);
  doc.setKeywords([
    'Standalone',
    meta.kind,
    ...meta.subjects.map((s) => `${s.entityType}:${s.entityId}`),
  ]);
  doc.setCreator(`Standalone ${meta.app.version}`);
  doc.setProducer(`Standalone ${meta.app.version} (pdf-lib, @signpdf)`);
  doc.setCreationDate(when);
  doc.setModificationDate(when);
  doc.setLanguage(meta.language ?? 'en');
  const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
  info.set(PDFName.of(metadataKey), PDFHexString.fromText(JSON.stringify(meta)));
}

/** The entry, parsed and checked; null when absent or not ours. */
export function readMetadata(doc: PDFDocument): { metadata: PdfMetadata } | { problem: string } {
  const ref = doc.context.trailerInfo.Info;
  const info = ref ? doc.context.lookupMaybe(ref, PDFDict) : undefined;
  const value = info?.lookup(PDFName.of(metadataKey));
  if (!(value instanceof PDFHexString || value instanceof PDFString)) {
    return {
      problem: 'the PDF carries no Standalone metadata (it was not exported by Standalone)',
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(value.decodeText());
  } catch {
    return { problem: 'the Standalone metadata in the PDF is not valid JSON' };
  }
  const parsed = pdfMetadataSchema.safeParse(json);
  return parsed.success
    ? { metadata: parsed.data }
    : {
        problem: `the Standalone metadata in the PDF is not in the expected form (${parsed.error.issues[0]?.message ?? 'invalid'})`,
      };
}
