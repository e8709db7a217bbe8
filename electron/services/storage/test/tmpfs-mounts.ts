/**
 * Test helper: real storage faults on a small tmpfs mounted over a temp folder. A full disk is a
 * tmpfs with little space; a read-only folder is a tmpfs remounted read-only.
 *
 * Why mounts: the tests run as root (CI too), and root ignores file permissions — `chmod 555`
 * does not stop root from writing (see the test that proves it). A read-only mount stops
 * everyone, root included. Mounting needs root (CAP_SYS_ADMIN); elsewhere the tests skip, saying so.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface TmpfsMount {
  dir: string;
  remount(options: string): void;
  /** Unmount (lazily if busy) and remove the folder. Safe to call twice. */
  cleanup(): void;
}

function run(command: string, args: string[]): void {
  execFileSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

/** Mount a tmpfs of `sizeKb` over a new temp folder, owned by the current user. */
export function mountTmpfs(sizeKb: number, prefix = 'standalone-tmpfs-'): TmpfsMount {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  try {
    run('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k,mode=0700`, 'tmpfs', dir]);
  } catch (error) {
    fs.rmdirSync(dir);
    throw error;
  }
  let mounted = true;
  return {
    dir,
    remount(options) {
      run('mount', ['-o', `remount,${options}`, dir]);
    },
    cleanup() {
      if (mounted) {
        try {
          run('umount', [dir]);
        } catch {
          // A process the test started may still hold a file open: detach now, free when it exits.
          run('umount', ['-l', dir]);
        }
        mounted = false;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Why mount-based tests cannot run here, or null when they can (we are root and mount works). */
export function whyMountsUnavailable(): string | null {
  if (process.platform !== 'linux') return `tmpfs mounts need Linux (this is ${process.platform})`;
  if (process.getuid?.() !== 0) return 'mounting a tmpfs needs root (CI runs the tests as root)';
  try {
    mountTmpfs(64, 'standalone-mount-probe-').cleanup();
    return null;
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    return `mount -t tmpfs failed here (${stderr || String(error)}); a container needs CAP_SYS_ADMIN`;
  }
}

/**
 * Fill the file system holding `dir` until the disk is full, then give back `leaveBytes` (so that
 * a few more writes fit before it is full again). Returns the filler file.
 */
export function fillDisk(dir: string, leaveBytes = 0): string {
  const filler = path.join(dir, 'filler.bin');
  const fd = fs.openSync(filler, 'w');
  const chunk = Buffer.alloc(64 * 1024, 0x2e);
  try {
    for (let size = chunk.length; size >= 512;) {
      try {
        fs.writeSync(fd, chunk, 0, size);
      } catch (error) {
        if ((error as { code?: string }).code !== 'ENOSPC') throw error;
        size = Math.floor(size / 2);
      }
    }
  } finally {
    fs.closeSync(fd);
  }
  if (leaveBytes > 0) fs.truncateSync(filler, Math.max(0, fs.statSync(filler).size - leaveBytes));
  return filler;
}
