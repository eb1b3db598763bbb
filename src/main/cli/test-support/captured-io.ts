/*
 * CLI commands under test write through a `CliIo`; these keep what they wrote so a test can read
 * stdout and stderr apart, and run a command with its exit code.
 */
import type { CliIo } from '../signature-commands';

export type CapturedIo = CliIo & { out: string[]; err: string[] };

export function captureIo(): CapturedIo {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (s) => out.push(s), stderr: (s) => err.push(s) };
}

export type CliCommand = (args: string[], io: CliIo) => Promise<number> | number;

/** Runs a command, returning its exit code and what it wrote. */
export async function runCaptured(command: CliCommand, args: string[]): Promise<{ code: number; io: CapturedIo }> {
  const io = captureIo();
  const code = await command(args, io);
  return { code, io };
}
