/*
 * Splits a pasted shell command into words the way bash would, without running anything: single
 * quotes, double quotes (with bash's four backslash escapes), ANSI-C $'…' quotes, backslash escapes
 * and line continuations (`\` for POSIX shells, `^` for cmd.exe, a backtick for PowerShell).
 * Words are bytes, because $'\xff' can spell bytes that are not UTF-8. Variables are not expanded.
 * The command ends at an unquoted |, ;, & or > (what follows is reported, not parsed).
 */
import { utf8Bytes } from '../body-codec';

export interface ShellWords {
  words: Uint8Array[];
  /** Text after the first command, when there was some (a `| jq .` and the like). */
  trailing: string | null;
}

export class ShellSyntaxError extends Error {}

const SIMPLE_ESCAPES: Record<string, number> = {
  n: 0x0a,
  t: 0x09,
  r: 0x0d,
  a: 0x07,
  b: 0x08,
  e: 0x1b,
  E: 0x1b,
  f: 0x0c,
  v: 0x0b,
  '\\': 0x5c,
  "'": 0x27,
  '"': 0x22,
  '?': 0x3f,
};

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r';
}

/** A continuation character followed by optional spaces and a newline. */
function continuationLength(input: string, i: number): number {
  let j = i + 1;
  while (input[j] === ' ' || input[j] === '\t') j += 1;
  if (input[j] === '\r') j += 1;
  return input[j] === '\n' ? j + 1 - i : 0;
}

export function splitShellWords(input: string): ShellWords {
  const words: Uint8Array[] = [];
  let current: number[] | null = null;
  const push = (text: string): void => {
    current ??= [];
    for (const b of utf8Bytes(text)) current.push(b);
  };
  const end = (): void => {
    if (current) words.push(new Uint8Array(current));
    current = null;
  };

  let i = 0;
  while (i < input.length) {
    const c = input[i];
    if (c === '\\' || c === '^' || c === '`') {
      const cont = continuationLength(input, i);
      if (cont) {
        i += cont;
        continue;
      }
    }
    if (isSpace(c)) {
      end();
      i += 1;
    } else if (c === '#' && current === null) {
      while (i < input.length && input[i] !== '\n') i += 1;
    } else if (c === '|' || c === ';' || c === '&' || c === '>' || c === '<') {
      end();
      return { words, trailing: input.slice(i).trim() };
    } else if (c === '\\') {
      if (i + 1 >= input.length) throw new ShellSyntaxError('The command ends with a lone backslash.');
      push(input[i + 1]);
      i += 2;
    } else if (c === "'") {
      const close = input.indexOf("'", i + 1);
      if (close < 0) throw new ShellSyntaxError(`A single quote at character ${i + 1} is never closed.`);
      push(input.slice(i + 1, close));
      i = close + 1;
    } else if (c === '$' && input[i + 1] === "'") {
      current ??= [];
      i = readAnsiC(input, i + 2, current);
    } else if (c === '"') {
      let j = i + 1;
      let text = '';
      for (;;) {
        if (j >= input.length) throw new ShellSyntaxError(`A double quote at character ${i + 1} is never closed.`);
        const d = input[j];
        if (d === '"') break;
        if (d === '\\' && j + 1 < input.length) {
          const next = input[j + 1];
          if (next === '\n') {
            j += 2;
            continue;
          }
          if (next === '"' || next === '\\' || next === '$' || next === '`') {
            text += next;
            j += 2;
            continue;
          }
        }
        text += d;
        j += 1;
      }
      push(text);
      i = j + 1;
    } else {
      push(c);
      i += 1;
    }
  }
  end();
  return { words, trailing: null };
}

/** Reads the body of $'…' from `start` into `out`; returns the index after the closing quote. */
function readAnsiC(input: string, start: number, out: number[]): number {
  let j = start;
  for (;;) {
    if (j >= input.length) throw new ShellSyntaxError(`A $'…' quote at character ${start - 1} is never closed.`);
    const d = input[j];
    if (d === "'") return j + 1;
    if (d !== '\\') {
      // Take a whole code point so astral characters stay intact.
      const cp = input.codePointAt(j) ?? 0;
      const ch = String.fromCodePoint(cp);
      for (const b of utf8Bytes(ch)) out.push(b);
      j += ch.length;
      continue;
    }
    const e = input[j + 1];
    if (e === undefined) throw new ShellSyntaxError(`A $'…' quote at character ${start - 1} is never closed.`);
    if (e in SIMPLE_ESCAPES) {
      out.push(SIMPLE_ESCAPES[e]);
      j += 2;
    } else if (e === 'x') {
      const hex = /^[0-9a-fA-F]{1,2}/.exec(input.slice(j + 2, j + 4))?.[0];
      if (!hex) throw new ShellSyntaxError(`"\\x" at character ${j + 1} is not followed by hex digits.`);
      out.push(parseInt(hex, 16));
      j += 2 + hex.length;
    } else if (/[0-7]/.test(e)) {
      const oct = /^[0-7]{1,3}/.exec(input.slice(j + 1, j + 4))?.[0] ?? '0';
      out.push(parseInt(oct, 8) & 0xff);
      j += 1 + oct.length;
    } else if (e === 'u' || e === 'U') {
      const max = e === 'u' ? 4 : 8;
      const hex = new RegExp(`^[0-9a-fA-F]{1,${max}}`).exec(input.slice(j + 2, j + 2 + max))?.[0];
      if (!hex) throw new ShellSyntaxError(`"\\${e}" at character ${j + 1} is not followed by hex digits.`);
      const cp = parseInt(hex, 16);
      if (cp > 0x10ffff) throw new ShellSyntaxError(`"\\${e}${hex}" is not a Unicode character.`);
      for (const b of utf8Bytes(String.fromCodePoint(cp))) out.push(b);
      j += 2 + hex.length;
    } else if (e === 'c' && input[j + 2] !== undefined) {
      out.push(input.charCodeAt(j + 2) & 0x1f);
      j += 3;
    } else {
      // bash keeps unknown escapes as written.
      out.push(0x5c);
      j += 1;
    }
  }
}
