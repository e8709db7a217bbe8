/**
 * The one way the renderer saves a file (text or bytes the services returned): through the
 * browser's own download (in Electron: its save dialog). A `blob:` URL, not `data:`: the CSP's
 * `default-src 'none'` does not govern a download link, and the main process's request filter
 * cancels `blob:` and `data:` *navigations* alike, but a `download` link is not a navigation and
 * a blob is served from the renderer's memory, never as a request. A blob also has no URL length
 * limit and is revoked right after.
 */
export function saveFile(fileName: string, mediaType: string, content: BlobPart): void {
  const url = URL.createObjectURL(new Blob([content], { type: mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // After the click has handed the blob to the download; a later revoke keeps memory bounded.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** base64 (as the API carries binary) to bytes. */
export function bytesOfBase64(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
