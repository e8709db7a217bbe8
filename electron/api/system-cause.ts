import type { TermKey } from './error-words';

/**
 * What a system error code (Node's errno names, SQLite's result codes) means for the person who
 * must act on it, as a term of the errors catalogue ("the drive is full", in the reader's
 * language). The code itself is for IT: it travels in the error's details, never in the sentence.
 * `doing` says whether the file or folder was being written or read, for the words of a refused
 * permission. Codes without words of their own get a general sentence that points to Details.
 */
export function systemCauseTerm(code: string, doing: 'write' | 'read' = 'write'): TermKey {
  switch (code) {
    case 'ENOENT':
      return 'cause_noSuchFolder';
    case 'EACCES':
    case 'EPERM':
      return doing === 'read' ? 'cause_noReadPermission' : 'cause_noWritePermission';
    case 'EROFS':
      return 'cause_readOnly';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'cause_diskFull';
    case 'ENOTDIR':
      return 'cause_notAFolder';
    case 'EIO':
      return 'cause_ioError';
    default:
      if (code.startsWith('SQLITE_READONLY')) return 'cause_readOnly';
      if (code.startsWith('SQLITE_FULL')) return 'cause_diskFull';
      if (code.startsWith('SQLITE_IOERR')) return 'cause_ioError';
      return 'cause_other';
  }
}
