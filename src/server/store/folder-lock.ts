/**
 * A lock file that keeps a data folder to one process: PGlite opens a folder another process
 * has open without complaint, and the two then overwrite each other's pages. The file holds
 * the owner's process id; a lock whose process is gone (killed, crashed) is taken over.
 */
import { closeSync, linkSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** Takes the folder's lock or throws naming the process that has it; returns the release. */
export function lockFolder(folder: string, name: string): () => void {
  const path = join(folder, name);
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const handle = openSync(path, 'wx');
      writeSync(handle, String(process.pid));
      closeSync(handle);
      return () => {
        try {
          if (readFileSync(path, 'utf8') === String(process.pid)) unlinkSync(path);
        } catch {
          // Already gone: nothing to release.
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = ownerOf(path);
    if (owner !== null && isRunning(owner)) throw inUse(folder, owner);
    takeOverStale(path, owner, folder);
  }
  throw new Error(`could not take the lock ${path}: other processes keep taking it`);
}

function ownerOf(path: string): number | null {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim());
    return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const inUse = (folder: string, pid: number) =>
  new Error(`${folder} is in use by process ${pid} (another receiver?); stop it first, or give another data folder`);

/**
 * Moves a stale lock aside (rename is atomic, so of two processes doing this only one moves
 * it) and checks that what it moved is the stale lock it judged, not a live one that another
 * process took in between; a live one is put back.
 */
function takeOverStale(path: string, judged: number | null, folder: string): void {
  const aside = `${path}.${process.pid}.stale`;
  try {
    renameSync(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = ownerOf(aside);
  if (moved !== judged && moved !== null && isRunning(moved)) {
    try {
      linkSync(aside, path);
    } finally {
      unlinkSync(aside);
    }
    throw inUse(folder, moved);
  }
  unlinkSync(aside);
}
