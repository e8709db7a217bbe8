import { PDFDict, PDFHexString, PDFName, PDFString, type PDFDocument } from 'pdf-lib';
import { z } from 'zod';
import { chainAnchorSchema } from '../audit/anchors';

/** The Info dictionary entry that carries what `verify-pdf` needs, as JSON. */
export const metadataKey = 'StandaloneMetadata';

export const pdfMetadataSchema = z
  .object({
    format: z.literal('standalone-pdf/1'),
    kind: z.string().max(64),
    title: z.string().max(1000),
    facility: z.string().max(500),
    subjects: z
      .array(z.object({ entityType: z.string().max(64), entityId: z.string().max(128) }).strict())
      .max(10_000),
    auditReference: z
      .object({
        eventId: z.number().int().positive(),
        hash: z.string().regex(/^[0-9a-f]{64}$/),
      })
      .strict()
      .nullable(),
    generatedAt: z.string().max(40),
    /**
     * A hash of what the document says, whole and per section (content-hash.ts): verify-pdf
     * rebuilds the document from the database and compares. Absent in blank forms made before it.
     */
    content: z
      .object({
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
        sections: z
          .array(
            z
              .object({ title: z.string().max(200), sha256: z.string().regex(/^[0-9a-f]{64}$/) })
              .strict(),
          )
          .max(500),
      })
      .strict()
      .optional(),
    certificateFingerprintSha256: z.string().max(200),
    /** The whole chain's head when the PDF was made (`audit verify --anchor` checks it). */
    anchor: chainAnchorSchema.optional(),
    app: z.object({ name: z.literal('Standalone'), version: z.string().max(64) }).strict(),
  })
  .strict();

export type PdfMetadata = z.infer<typeof pdfMetadataSchema>;

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
  doc.setLanguage('en');
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
