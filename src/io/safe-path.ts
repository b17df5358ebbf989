// Writing where a person asked, but never through someone else's link. In a folder others
// can write to (/tmp, a shared folder), another user can plant `out.md -> ~/.bashrc`; with the kernel's
// fs.protected_symlinks off, following it would replace the victim's file. reframe applies the kernel's own
// rule itself: a link in a sticky or group/world-writable folder is followed only when it belongs to this
// user or to the folder's owner. (So `/dev/stdout`, a root link in a root folder, still works.)
import { lstatSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../errors';
import { msg } from '../messages';

/** Throws a UsageError when `path` is a link another user planted in a folder others can write. */
export function refuseForeignLink(path: string): void {
  const abs = resolve(path);
  let l;
  try {
    l = lstatSync(abs);
  } catch {
    return; // not there: created exclusively later
  }
  if (!l.isSymbolicLink()) return;
  const me = typeof process.getuid === 'function' ? process.getuid() : l.uid;
  if (l.uid === me) return;
  let folder;
  try {
    folder = statSync(dirname(abs));
  } catch {
    return;
  }
  const shared = (folder.mode & 0o1000) !== 0 || (folder.mode & 0o022) !== 0;
  if (!shared || l.uid === folder.uid) return;
  throw new UsageError(msg.faults.foreignLink(abs), msg.faults.foreignLinkHint);
}
