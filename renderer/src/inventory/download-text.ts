/**
 * Save text as a file through the browser's download (a same-origin Blob URL and an
 * `<a download>`): the renderer has no file system. The CSP does not govern downloads; in
 * Electron the session's request filter must let the app's own `blob:` URLs through (see the
 * note in InventoryExport).
 */
export function downloadText(fileName: string, mediaType: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke after the click has been handled, or the download may find the URL gone.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
