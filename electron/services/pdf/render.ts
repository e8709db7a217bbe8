import { PDFDocument, type PDFPage } from 'pdf-lib';
import { isDemoSubject } from '../../api/domains/signing';
import { drawBlock } from './blocks';
import { Canvas, colors, margin, specFor } from './canvas';
import type { PdfFonts } from './fonts';
import type { PdfBlock, PdfDocumentModel } from './model';
import { fitLine, formatTime, widthOf, wrap } from './text';
import { pdfWords, type PdfWords } from './words';

/** Who signs: printed in the footer of every page and in the sign-off block. */
export interface SignerInfo {
  subject: string;
  fingerprintSha256: string;
}

export interface RenderedPdf {
  doc: PDFDocument;
  /** The visible sign-off block on the last page: the signature field is placed over it. */
  signatureBox: { page: PDFPage; rect: [number, number, number, number] };
}

function drawTitle(c: Canvas, model: PdfDocumentModel, generated: string): void {
  const title = { face: 'bold' as const, size: 17, color: colors.text, leading: 21 };
  for (const line of wrap(model.title, c.face('bold'), title.size, c.width)) {
    c.text(line, c.left, c.y - title.size, title);
    c.y -= title.leading;
  }
  if (model.subtitle) {
    const sub = specFor('regular', 10.5);
    for (const line of wrap(model.subtitle, c.face('regular'), sub.size, c.width)) {
      c.text(line, c.left, c.y - sub.size, sub);
      c.y -= sub.leading;
    }
  }
  c.y -= 2;
  const meta = specFor('muted', 8.5);
  for (const line of wrap(
    `${model.facility}  ·  ${c.words('generated', { time: generated })}`,
    c.face('regular'),
    meta.size,
    c.width,
  )) {
    c.text(line, c.left, c.y - meta.size, meta);
    c.y -= meta.leading;
  }
  c.y -= 4;
  c.rule(c.y, colors.text, 1.2);
  c.y -= 10;
}

function auditText(model: PdfDocumentModel, t: PdfWords): string {
  return model.auditReference ? t('auditReference', { ...model.auditReference }) : t('auditNone');
}

/** The visible sign-off block: who signed, with which certificate, when, why, tied to what. */
function drawSignatureBlock(
  c: Canvas,
  model: PdfDocumentModel,
  signer: SignerInfo,
  generated: string,
): RenderedPdf['signatureBox'] {
  const t = c.words;
  const inner = c.width - 20;
  const heading = specFor('bold', 9.5);
  const body = specFor('regular', 8.2);
  const small = specFor('muted', 7.2);
  const regular = c.face('regular');
  const lines: { text: string; spec: typeof body; size?: number }[] = [
    { text: t('signedByOrganisation'), spec: heading },
    ...wrap(t('signer', { subject: signer.subject }), regular, body.size, inner).map((text) => ({
      text,
      spec: body,
    })),
    ...wrap(
      t('signedAt', { time: generated, facility: model.facility }),
      regular,
      body.size,
      inner,
    ).map((text) => ({ text, spec: body })),
    ...wrap(t('reason', { reason: model.signatureReason }), regular, body.size, inner).map(
      (text) => ({
        text,
        spec: body,
      }),
    ),
    {
      ...fitLine(
        t('certificate', { fingerprint: signer.fingerprintSha256 }),
        regular,
        small.size,
        inner,
        5.5,
      ),
      spec: small,
    },
    { ...fitLine(auditText(model, t), regular, small.size, inner, 5.5), spec: small },
    ...wrap(t('verifyHint'), regular, small.size, inner).map((text) => ({ text, spec: small })),
  ];
  const height = lines.reduce((n, l) => n + l.spec.leading, 0) + 18;
  c.ensure(height + 14);
  c.y -= 14;
  const bottom = c.y - height;
  c.box(c.left, bottom, c.width, height, {
    fill: colors.fill,
    border: colors.rule,
    borderWidth: 0.8,
  });
  let y = c.y - 9;
  for (const line of lines) {
    const size = line.size ?? line.spec.size;
    c.text(line.text, c.left + 10, y - size, { ...line.spec, size });
    y -= line.spec.leading;
  }
  c.y = bottom;
  return { page: c.page, rect: [c.left, bottom, c.right, bottom + height] };
}

/** Page X of Y, the generation time, the audit reference and the certificate on every page. */
function drawFooters(
  c: Canvas,
  model: PdfDocumentModel,
  signer: SignerInfo,
  generated: string,
): void {
  const t = c.words;
  const total = c.pages.length;
  const regular = c.face('regular');
  const bold = c.face('bold');
  const small = specFor('muted', 6.8);
  c.pages.forEach((page, i) => {
    c.page = page;
    const top = margin.bottom - 14;
    c.rule(top, colors.rule, 0.6);
    const pageText = t('page', { page: i + 1, total });
    c.textRight(pageText, c.right, top - 11, { face: 'bold', size: 8, color: colors.text });
    const pageWidth = widthOf(pageText, bold, 8) + 12;
    const first = fitLine(
      t('footerTitle', { title: model.title, time: generated }),
      regular,
      7.4,
      c.width - pageWidth,
      6,
    );
    c.text(first.text, c.left, top - 11, { ...small, size: first.size, color: colors.muted });
    const audit = fitLine(auditText(model, t), regular, small.size, c.width, 5.5);
    c.text(audit.text, c.left, top - 21, { ...small, size: audit.size });
    const cert = fitLine(
      t('signingCertificate', { fingerprint: signer.fingerprintSha256 }),
      regular,
      small.size,
      c.width,
      5.5,
    );
    c.text(cert.text, c.left, top - 30, { ...small, size: cert.size });
    // The certificate's subject holds the marker in English (isDemoSubject reads it); the page
    // says it in the PDF's language.
    if (isDemoSubject(signer.subject)) {
      c.text(t('demoMarker'), c.left, top - 41, { face: 'bold', size: 8, color: colors.bad });
    }
  });
}

/** Lay out and draw the whole document, ready for the signature placeholder. */
export async function renderPdf(
  model: PdfDocumentModel,
  fonts: PdfFonts,
  signer: SignerInfo,
): Promise<RenderedPdf> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fonts.fontkit);
  const pdfFonts = {
    regular: await doc.embedFont(fonts.regular.main.bytes, { subset: true }),
    bold: await doc.embedFont(fonts.bold.main.bytes, { subset: true }),
  };
  const generated = formatTime(model.generatedAt, model.timeZone);
  const c = new Canvas(
    doc,
    fonts,
    pdfFonts,
    { title: model.title, facility: model.facility },
    pdfWords(model.language),
  );
  c.addPage();
  drawTitle(c, model, generated);
  // A checklist's title is a heading like any other (kept with the start of its table).
  const blocks = model.blocks.flatMap((b): PdfBlock[] =>
    b.kind === 'checklist' && b.title
      ? [
          { kind: 'heading', text: b.title, level: 2 },
          { ...b, title: undefined },
        ]
      : [b],
  );
  blocks.forEach((_, i) => drawBlock(c, blocks, i, model.timeZone));
  const signatureBox = drawSignatureBlock(c, model, signer, generated);
  drawFooters(c, model, signer, generated);
  await c.finish();
  return { doc, signatureBox };
}
