/** The most the services accept for a PKCS#12 file (64 KiB, before base64). */
export const maxPkcs12Bytes = 64 * 1024;

/** A file the user picked, read with FileReader, as base64 without the `data:…;base64,` prefix. */
export function readFileAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'));
    reader.readAsDataURL(file);
  });
}
