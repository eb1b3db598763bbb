/*
 * What a failed start on the data directory tells the user: which path, what went wrong in plain
 * words, and what to do. Node's own message for a full disk is `ENOSPC: no space left on device,
 * write`, without the file.
 */
import { HooklensError } from '../../shared/errors';

type Errno = NodeJS.ErrnoException & { path?: string; dest?: string };

const REASONS: Record<string, { why: string; fix: (hint: string) => string }> = {
  ENOSPC: { why: 'the disk is full', fix: (hint) => `Free space or ${hint}` },
  EDQUOT: { why: 'the disk quota is used up', fix: (hint) => `Free space or ${hint}` },
  EROFS: { why: 'the file system is read-only', fix: (hint) => capitalise(hint) },
  EACCES: { why: 'permission denied', fix: (hint) => `Give your user write access or ${hint}` },
  EPERM: { why: 'permission denied', fix: (hint) => `Give your user write access or ${hint}` },
  ENOTDIR: { why: 'part of the path is a file, not a directory', fix: (hint) => `Move it away or ${hint}` },
  EISDIR: { why: 'a directory is where a file should be', fix: (hint) => `Move it away or ${hint}` },
  EMFILE: { why: 'too many files are open', fix: () => 'Close other programs or raise the open-file limit' },
};

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function verb(syscall: string | undefined): string {
  if (syscall === 'mkdir') return 'create';
  if (syscall === 'read' || syscall === 'scandir' || syscall === 'stat' || syscall === 'lstat') return 'read';
  return 'write';
}

/**
 * A HooklensError saying what to do when `err` is a file-system error on a known path; any other
 * error is returned as it is. `hint` names the other way out, e.g. "pass --data-dir".
 */
export function explainStartFailure(err: unknown, hint: string): Error {
  const e = err as Errno;
  const reason = e && typeof e.code === 'string' ? REASONS[e.code] : undefined;
  if (!reason || typeof e.path !== 'string') return err instanceof Error ? err : new Error(String(err));
  return new HooklensError('store_failed', `Cannot ${verb(e.syscall)} ${e.path}: ${reason.why}. ${reason.fix(hint)}.`);
}
