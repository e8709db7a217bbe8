/**
 * Reading an uploaded file as text, the same for every caller (the UI's upload, the CLI's file,
 * the services' import): refused, with a message that says what to do, when it is too large
 * (checked before anything is parsed), binary, or not UTF-8.
 */

import { englishErrorWords, type ErrorParams, type ErrorWords } from './error-words';

/** What kind of file is uploaded, as the errors catalogue's terms name it ("an inventory file"). */
export const uploadKinds = {
  'CSAF advisory': 'upload_csaf',
  'inventory file': 'upload_inventory',
  'KEV catalog': 'upload_kev',
  'EPSS file': 'upload_epss',
} as const;
export type UploadKind = keyof typeof uploadKinds;

export interface DecodedText {
  text: string;
  hasByteOrderMark: boolean;
}

export interface UploadProblem {
  message: string;
  details: { fileName: string; size?: number; maxBytes?: number; words: ErrorWords };
}

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const megabytes = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

export function decodeUploadText(
  fileName: string,
  content: string | Uint8Array,
  maxBytes: number,
  what: UploadKind,
  /** Text already decoded by the UI: refuse U+FFFD, the mark of bytes that were not UTF-8. */
  refuseReplacementCharacter = false,
): DecodedText | { problem: UploadProblem } {
  const problem = (
    key: ErrorWords['key'],
    params: ErrorParams = {},
    extra: { size?: number; maxBytes?: number } = {},
  ) => {
    const words: ErrorWords = {
      key,
      params: { file: fileName, ...params },
      terms: { what: uploadKinds[what] },
    };
    return {
      problem: { message: englishErrorWords(words), details: { fileName, ...extra, words } },
    };
  };
  const size = typeof content === 'string' ? utf8Length(content) : content.byteLength;
  if (size > maxBytes) {
    return problem(
      'uploadTooLarge',
      { size: megabytes(size), max: megabytes(maxBytes) },
      { size, maxBytes },
    );
  }
  let text: string;
  if (typeof content === 'string') {
    text = content;
  } else {
    if (
      (content[0] === 0xff && content[1] === 0xfe) ||
      (content[0] === 0xfe && content[1] === 0xff)
    ) {
      return problem('uploadUtf16');
    }
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(content);
    } catch {
      return problem('uploadNotUtf8');
    }
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    return problem('uploadBinary', { position: nul });
  }
  if (refuseReplacementCharacter && typeof content === 'string' && text.includes('\uFFFD')) {
    return problem('uploadReplacement');
  }
  // Text handed over as a string may hold a lone surrogate: not Unicode, and not storable as is.
  if (typeof content === 'string' && loneSurrogate.test(text)) {
    return problem('uploadSurrogate');
  }
  const hasByteOrderMark = text.charCodeAt(0) === 0xfeff;
  return { text: hasByteOrderMark ? text.slice(1) : text, hasByteOrderMark };
}
