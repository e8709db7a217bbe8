/** The result of reading a chosen file: its text, or why it cannot be used. */
export type ReadFile =
  | { ok: true; fileName: string; content: string; bytes: number }
  | { ok: false; fileName: string; reason: 'tooLarge' | 'empty' | 'unreadable'; bytes: number };

/**
 * Read a file the user chose as UTF-8 text (FileReader: the renderer has no file system). The
 * size is checked before reading so that a wrong, huge file is refused at once, not after
 * filling memory; the services check the bound again.
 */
export function readTextFile(file: File, maxBytes: number): Promise<ReadFile> {
  const base = { fileName: file.name, bytes: file.size };
  if (file.size > maxBytes) return Promise.resolve({ ok: false, reason: 'tooLarge', ...base });
  if (file.size === 0) return Promise.resolve({ ok: false, reason: 'empty', ...base });
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () =>
      resolve(
        typeof reader.result === 'string'
          ? { ok: true, content: reader.result, ...base }
          : { ok: false, reason: 'unreadable', ...base },
      );
    reader.onerror = () => resolve({ ok: false, reason: 'unreadable', ...base });
    reader.readAsText(file, 'utf-8');
  });
}

/** Megabytes, for messages. */
export const megabytes = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
