import { formatDateTime } from '../../cases/time-format';

/** "1,234,567 bytes" in the user's locale: exact, since a checksum is compared byte for byte. */
export const formatBytes = (bytes: number) => new Intl.NumberFormat().format(bytes);

export const formatWhen = (iso: string) => formatDateTime(iso);
