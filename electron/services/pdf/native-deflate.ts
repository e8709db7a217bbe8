import zlib from 'node:zlib';
import { PDFContentStream, PDFRawStream, type PDFDocument } from 'pdf-lib';

/**
 * pdf-lib compresses page contents and embedded fonts with pako, a JavaScript deflate that took
 * about a third of an export's time. Node's zlib writes the same FlateDecode data natively. Call
 * once everything is drawn, just before saving: page contents are compressed here, and the font
 * subsets that saving embeds go through the document's own `flateStream`, replaced here.
 */
export function deflateNatively(doc: PDFDocument): void {
  const context = doc.context;
  context.flateStream = (contents, dict = {}) =>
    context.stream(zlib.deflateSync(contents), { ...dict, Filter: 'FlateDecode' });
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    if (object instanceof PDFContentStream) {
      // Its dictionary already names FlateDecode; the length is set when the stream is written.
      const compressed = zlib.deflateSync(object.getUnencodedContents());
      context.assign(ref, PDFRawStream.of(object.dict, compressed));
    }
  }
}
