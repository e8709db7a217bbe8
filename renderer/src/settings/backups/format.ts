import type { Language } from '../../../../electron/api/languages';
import { formatDecimal } from '../../../../electron/api/number-format';
import { formatDateTime } from '../../cases/time-format';

/** "1,234,567 bytes" in the station's language: exact, since a checksum is compared byte for byte. */
export const formatBytes = (bytes: number, language: Language) => formatDecimal(bytes, language, 0);

export const formatWhen = (iso: string) => formatDateTime(iso);
