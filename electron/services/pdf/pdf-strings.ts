/**
 * The body of a PDF literal string `( … )` for text, already escaped: @signpdf's placeholder
 * writes /Reason, /Location and /Name with pdf-lib's PDFString.of, which copies characters as
 * bytes without escaping. ASCII stays as it is (readable in the file); anything else is UTF-16BE
 * with a byte-order mark, the PDF text-string encoding for Unicode, so "Zürich" or "Łódź" reach
 * the reader intact.
 */
export function pdfTextLiteral(text: string): string {
  const ascii = /^[\x20-\x7E]*$/.test(text);
  let bytes: string;
  if (ascii) {
    bytes = text;
  } else {
    const utf16 = Buffer.from(text, 'utf16le').swap16();
    bytes = '\u00FE\u00FF' + utf16.toString('latin1');
  }
  return bytes.replace(/[\\()\r\n]/g, (ch) => {
    switch (ch) {
      case '\r':
        return '\\r';
      case '\n':
        return '\\n';
      default:
        return '\\' + ch;
    }
  });
}
