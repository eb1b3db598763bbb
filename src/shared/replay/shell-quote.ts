/*
 * POSIX-shell quoting for generated commands. Plain words stay bare; anything else is single-quoted,
 * and text with control characters or raw (non-UTF-8) bytes uses bash/zsh ANSI-C quoting ($'…'),
 * which can spell any byte except NUL.
 */
import { utf8Bytes } from '../body-codec';

const BARE = /^[A-Za-z0-9_/.:=@%+,-]+$/;
// Control characters other than newline: they would be mangled when a command is pasted.
// eslint-disable-next-line no-control-regex
const NEEDS_ANSI_C = /[\u0000-\u0009\u000b-\u001f\u007f]/;

export function singleQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

export function shellWord(text: string): string {
  if (BARE.test(text)) return text;
  if (NEEDS_ANSI_C.test(text)) return ansiCQuote(utf8Bytes(text), true);
  return singleQuote(text);
}

/** `$'…'` for the given bytes; with `keepUtf8`, bytes from 0x80 up pass through as they are. */
export function ansiCQuote(bytes: Uint8Array, keepUtf8: boolean): string {
  let out = "$'";
  let run: number[] = [];
  const flush = (): void => {
    if (run.length) out += new TextDecoder().decode(new Uint8Array(run));
    run = [];
  };
  for (const b of bytes) {
    if (b >= 0x80 && keepUtf8) {
      run.push(b);
      continue;
    }
    flush();
    if (b === 0x5c) out += '\\\\';
    else if (b === 0x27) out += "\\'";
    else if (b === 0x0a) out += '\\n';
    else if (b === 0x0d) out += '\\r';
    else if (b === 0x09) out += '\\t';
    else if (b >= 0x20 && b < 0x7f) out += String.fromCharCode(b);
    else out += `\\x${b.toString(16).padStart(2, '0')}`;
  }
  flush();
  return `${out}'`;
}

/** An argument for `printf '%b'`: octal escapes (POSIX %b) for every byte that is not plain ASCII. */
export function printfOctal(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) {
    if (b === 0x5c) out += '\\\\';
    else if (b >= 0x20 && b < 0x7f) out += String.fromCharCode(b);
    else out += `\\0${b.toString(8).padStart(3, '0')}`;
  }
  return singleQuote(out);
}
