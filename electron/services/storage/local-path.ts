import fs from 'node:fs';
import path from 'node:path';
import type { TermKey } from '../../api/error-words';

/** File system types that live on another machine: a folder on one is not a local folder. */
const networkFileSystems = new Set([
  '9p',
  'afs',
  'ceph',
  'cifs',
  'coda',
  'davfs',
  'fuse.davfs2',
  'fuse.rclone',
  'fuse.s3fs',
  'fuse.sshfs',
  'glusterfs',
  'lustre',
  'ncpfs',
  'nfs',
  'nfs4',
  'smb3',
  'smbfs',
  'sshfs',
  'webdav',
]);

export interface Mount {
  mountPoint: string;
  type: string;
}

/**
 * Why a folder is not on a local drive, or undefined when it is. Pure: the mounts are given.
 * Refused: UNC paths in either slash style (`\\server\share`, `//server/share`), Windows device
 * and long-UNC prefixes (`\\?\UNC\…`, `\\.\…`), URLs (`smb://…`), and a folder whose nearest
 * mount is a network file system (NFS, SMB/CIFS, SSHFS, WebDAV…).
 */
export function networkPathReason(folder: string, mounts: readonly Mount[]): string | undefined {
  return networkPath(folder, mounts)?.technical;
}

/**
 * Why a folder is not local, as a term of the errors catalogue for the sentence (in the reader's
 * language) and the technical words (file system type, mount point) for Details.
 */
export function networkPath(
  folder: string,
  mounts: readonly Mount[],
): { term: TermKey; technical: string } | undefined {
  if (/^[\\/]{2}/.test(folder)) {
    return { term: 'network_unc', technical: 'it is a network (UNC) path' };
  }
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(folder)) {
    return { term: 'network_address', technical: 'it is a network address, not a folder' };
  }
  const resolved = path.posix.resolve(folder.replace(/\\/g, '/'));
  let nearest: Mount | undefined;
  for (const mount of mounts) {
    const point = mount.mountPoint.endsWith('/') ? mount.mountPoint : `${mount.mountPoint}/`;
    const inside = resolved === mount.mountPoint || `${resolved}/`.startsWith(point);
    if (inside && (!nearest || mount.mountPoint.length > nearest.mountPoint.length)) {
      nearest = mount;
    }
  }
  if (nearest && networkFileSystems.has(nearest.type.toLowerCase())) {
    return {
      term: 'network_drive',
      technical: `it is on a network drive (${nearest.type} at ${nearest.mountPoint})`,
    };
  }
  return undefined;
}

/** The mounts of this machine, on Linux; elsewhere none are known (UNC is still refused). */
export function currentMounts(): Mount[] {
  if (process.platform !== 'linux') return [];
  let text: string;
  try {
    text = fs.readFileSync('/proc/self/mounts', 'utf8');
  } catch {
    return [];
  }
  // Fields are space-separated with spaces in names written as \040.
  const unescape = (s: string) =>
    s.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));
  const mounts: Mount[] = [];
  for (const line of text.split('\n')) {
    const [, mountPoint, type] = line.split(' ');
    if (mountPoint && type) mounts.push({ mountPoint: unescape(mountPoint), type });
  }
  return mounts;
}
