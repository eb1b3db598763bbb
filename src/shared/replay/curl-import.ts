/*
 * Turns a pasted cURL command into a request to edit and send. It builds the request curl itself
 * would send for those options (a -d body gets curl's form Content-Type, -u becomes Basic auth,
 * -G moves the data into the query). Options that read local files cannot be honoured from a
 * pasted command and are refused with a message naming them; output and transport options are
 * ignored, with a warning when they would change the request.
 */
import type { HeaderPair } from '../capture';
import { HooklensError } from '../errors';
import { base64Encode, encodeBody, utf8Bytes } from '../body-codec';
import { ShellSyntaxError, splitShellWords } from './shell-words';
import { targetUrlProblem } from './target-url';
import type { ImportedRequest } from './types';

type Kind = 'data' | 'data-raw' | 'data-binary' | 'data-urlencode' | 'json';

/** Options taking an argument that only shape curl's own behaviour or output. */
const IGNORED_WITH_ARG = new Set([
  '-o', '--output', '-m', '--max-time', '--connect-timeout', '-w', '--write-out', '-c', '--cookie-jar',
  '--cacert', '--capath', '--cert', '-E', '--key', '--cert-type', '--key-type', '--retry', '--retry-delay',
  '--retry-max-time', '--limit-rate', '--max-redirs', '-y', '--speed-time', '-Y', '--speed-limit',
  '--resolve', '--connect-to', '--interface', '--dns-servers', '--proto', '--proto-redir', '--local-port',
  '--max-filesize', '--tls-max', '--ciphers', '--pinnedpubkey', '--noproxy', '-x', '--proxy', '-U',
  '--proxy-user', '--keepalive-time', '--expect100-timeout', '--happy-eyeballs-timeout-ms', '--trace',
  '--trace-ascii', '--stderr', '-D', '--dump-header', '--unix-socket', '--abstract-unix-socket',
  '--output-dir', '--etag-save', '--etag-compare', '--hsts', '--alt-svc', '--aws-sigv4', '--ssl-reqd',
]);

/** Flags without an argument that change nothing about the request itself. */
const IGNORED_FLAGS = new Set([
  '-s', '--silent', '-S', '--show-error', '-v', '--verbose', '-i', '--include', '-k', '--insecure',
  '-L', '--location', '-f', '--fail', '--fail-with-body', '-#', '--progress-bar', '-N', '--no-buffer',
  '--http1.1', '--http1.0', '--http2', '--http2-prior-knowledge', '--http3', '-g', '--globoff',
  '--compressed', '-O', '--remote-name', '-J', '--remote-header-name', '-4', '--ipv4', '-6', '--ipv6',
  '--no-keepalive', '--tcp-nodelay', '--path-as-is', '--location-trusted', '-q', '--disable', '--raw',
  '--tr-encoding', '--no-progress-meter', '--ssl', '--tlsv1.2', '--tlsv1.3', '-1', '--tlsv1', '-Z',
  '--parallel', '--create-dirs', '--styled-output', '--no-styled-output', '--fail-early', '-j',
  '--junk-session-cookies', '--anyauth', '--basic', '--digest', '--ntlm', '--negotiate', '-n', '--netrc',
]);

/** Short options that take an argument, so `-XPOST` and `-H'…'` work like in curl. */
const SHORT_WITH_ARG = new Set('XHdbuAeFoTmwcExYUyrKDCz'.split(''));

function fail(message: string): never {
  throw new HooklensError('import_failed', `Could not import the cURL command: ${message}`);
}

const decoder = new TextDecoder();
const text = (bytes: Uint8Array): string => decoder.decode(bytes);

function concatBytes(parts: Uint8Array[], separator?: number): Uint8Array {
  const total = parts.reduce((n, p) => n + p.length, 0) + (separator === undefined ? 0 : Math.max(0, parts.length - 1));
  const out = new Uint8Array(total);
  let o = 0;
  parts.forEach((p, i) => {
    if (i > 0 && separator !== undefined) out[o++] = separator;
    out.set(p, o);
    o += p.length;
  });
  return out;
}

function urlEncodeData(value: string, option: string): Uint8Array {
  // curl's --data-urlencode forms: "content", "=content", "name=content"; "@file" forms read files.
  const at = value.indexOf('@');
  const eq = value.indexOf('=');
  if (at >= 0 && (eq < 0 || at < eq)) fail(`${option} ${value} reads a local file; paste the content instead.`);
  if (eq < 0) return utf8Bytes(encodeURIComponent(value));
  const name = value.slice(0, eq);
  const encoded = encodeURIComponent(value.slice(eq + 1));
  return utf8Bytes(name ? `${name}=${encoded}` : encoded);
}

interface FormPart {
  name: string;
  value: string;
}

function multipartBody(parts: FormPart[]): { body: Uint8Array; contentType: string } {
  const boundary = `------------------------${Array.from({ length: 16 }, () => Math.floor(Math.random() * 16).toString(16)).join('')}`;
  let out = '';
  for (const p of parts) {
    out += `--${boundary}\r\nContent-Disposition: form-data; name="${p.name.replace(/"/g, '%22')}"\r\n\r\n${p.value}\r\n`;
  }
  out += `--${boundary}--\r\n`;
  return { body: utf8Bytes(out), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** The bytes `printf '%b' arg` writes (the escapes of echo -e). */
function printfB(arg: string): Uint8Array {
  const out: number[] = [];
  const simple: Record<string, number> = { n: 10, t: 9, r: 13, a: 7, b: 8, f: 12, v: 11, e: 27, '\\': 92 };
  const bytes = utf8Bytes(arg);
  for (let i = 0; i < bytes.length; i += 1) {
    if (bytes[i] !== 0x5c || i + 1 >= bytes.length) {
      out.push(bytes[i]);
      continue;
    }
    const e = String.fromCharCode(bytes[i + 1]);
    if (e in simple) {
      out.push(simple[e]);
      i += 1;
    } else if (e === '0') {
      let j = i + 2;
      let n = 0;
      while (j < bytes.length && j < i + 5 && bytes[j] >= 0x30 && bytes[j] <= 0x37) n = n * 8 + (bytes[j++] - 0x30);
      out.push(n & 0xff);
      i = j - 1;
    } else if (e === 'x') {
      const hex = /^[0-9a-fA-F]{1,2}/.exec(String.fromCharCode(...bytes.subarray(i + 2, i + 4)))?.[0];
      if (!hex) out.push(0x5c);
      else {
        out.push(parseInt(hex, 16));
        i += 1 + hex.length;
      }
    } else out.push(0x5c);
  }
  return new Uint8Array(out);
}

export function parseCurl(command: string): ImportedRequest {
  if (command.length > 10 * 1024 * 1024) fail('the command is larger than 10 MB.');
  let split;
  try {
    split = splitShellWords(command.trim().replace(/^\$\s+/, ''));
  } catch (err) {
    if (err instanceof ShellSyntaxError) fail(err.message);
    throw err;
  }
  let words = split.words.map(text);
  let raw = split.words;
  // Hooklens writes bodies with NUL bytes as `printf '%b' '…' | curl … --data-binary @-`.
  let stdin: Uint8Array | null = null;
  if (words[0] === 'printf' && words[1] === '%b' && words.length === 3 && split.trailing?.startsWith('|')) {
    stdin = printfB(words[2]);
    try {
      split = splitShellWords(split.trailing.slice(1));
    } catch (err) {
      if (err instanceof ShellSyntaxError) fail(err.message);
      throw err;
    }
    words = split.words.map(text);
    raw = split.words;
  }
  const warnings: string[] = [];
  if (split.trailing) warnings.push(`Ignored what follows the command: ${split.trailing.slice(0, 80)}`);
  if (words.length === 0) fail('it is empty.');
  const fromStdin = (option: string): Uint8Array => {
    if (stdin === null) fail(`${option} @- reads the body from standard input, which a pasted command does not carry.`);
    return stdin as Uint8Array;
  };
  if (!/(^|[/\\])curl(\.exe)?$/i.test(words[0])) fail(`it starts with "${words[0].slice(0, 40)}", not "curl".`);

  let method: string | null = null;
  let head = false;
  let get = false;
  const urls: string[] = [];
  const headers: HeaderPair[] = [];
  const removed = new Set<string>();
  const data: { kind: Kind; bytes: Uint8Array }[] = [];
  const form: FormPart[] = [];
  let user: string | null = null;

  const addHeader = (line: string, option: string): void => {
    if (line.startsWith('@')) fail(`${option} ${line} reads headers from a file; paste them instead.`);
    const semi = /^([^:;\s]+);\s*$/.exec(line);
    if (semi) {
      headers.push([semi[1], '']);
      return;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) fail(`the header "${line.slice(0, 60)}" has no "Name: value" form.`);
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(name)) fail(`"${name.slice(0, 60)}" is not a valid header name.`);
    if (value === '') removed.add(name.toLowerCase());
    else headers.push([name, value]);
  };

  const handle = (option: string, arg: () => Uint8Array): void => {
    switch (option) {
      case '-X': case '--request': method = text(arg()); return;
      case '-H': case '--header': addHeader(text(arg()), option); return;
      case '-d': case '--data': case '--data-ascii': {
        const bytes = arg();
        if (text(bytes) === '@-') data.push({ kind: 'data', bytes: fromStdin(option) });
        else if (bytes[0] === 0x40) fail(`${option} ${text(bytes).slice(0, 60)} reads the body from a file; use --data-raw with the content instead.`);
        else data.push({ kind: 'data', bytes });
        return;
      }
      case '--data-raw': data.push({ kind: 'data-raw', bytes: arg() }); return;
      case '--data-binary': {
        const bytes = arg();
        if (text(bytes) === '@-') data.push({ kind: 'data-binary', bytes: fromStdin(option) });
        else if (bytes[0] === 0x40) fail(`${option} ${text(bytes).slice(0, 60)} reads the body from a file; paste the content instead.`);
        else data.push({ kind: 'data-binary', bytes });
        return;
      }
      case '--data-urlencode': data.push({ kind: 'data-urlencode', bytes: urlEncodeData(text(arg()), option) }); return;
      case '--json': {
        const bytes = arg();
        if (bytes[0] === 0x40) fail(`--json ${text(bytes).slice(0, 60)} reads the body from a file; paste the content instead.`);
        data.push({ kind: 'json', bytes });
        return;
      }
      case '-F': case '--form': case '--form-string': {
        const value = text(arg());
        const eq = value.indexOf('=');
        if (eq <= 0) fail(`${option} "${value.slice(0, 60)}" is not a name=value pair.`);
        const v = value.slice(eq + 1);
        if (option !== '--form-string' && (v.startsWith('@') || v.startsWith('<'))) {
          fail(`${option} ${value.slice(0, 60)} uploads a local file, which a pasted command cannot carry.`);
        }
        form.push({ name: value.slice(0, eq), value: v });
        return;
      }
      case '-u': case '--user': user = text(arg()); return;
      case '-A': case '--user-agent': headers.push(['User-Agent', text(arg())]); return;
      case '-e': case '--referer': headers.push(['Referer', text(arg()).replace(/;auto$/, '')]); return;
      case '-b': case '--cookie': {
        const value = text(arg());
        if (value.includes('=')) headers.push(['Cookie', value]);
        else warnings.push(`Ignored ${option} ${value}: it names a cookie file.`);
        return;
      }
      case '-r': case '--range': headers.push(['Range', `bytes=${text(arg())}`]); return;
      case '--oauth2-bearer': headers.push(['Authorization', `Bearer ${text(arg())}`]); return;
      case '--url': urls.push(text(arg())); return;
      case '-G': case '--get': get = true; return;
      case '-I': case '--head': head = true; return;
      case '-T': case '--upload-file': fail(`${option} uploads a local file, which a pasted command cannot carry.`);
      // falls through: fail never returns
      case '-K': case '--config': fail(`${option} reads options from a file; paste them instead.`);
      // falls through
      default:
        if (IGNORED_WITH_ARG.has(option)) {
          arg();
          if (option === '-x' || option === '--proxy') warnings.push('Ignored the proxy: the request goes straight to the target.');
          return;
        }
        if (IGNORED_FLAGS.has(option)) {
          if (option === '-L' || option === '--location') warnings.push('Redirects are shown, not followed.');
          return;
        }
        warnings.push(`Ignored the unknown option ${option}.`);
    }
  };

  let i = 1;
  let optionsDone = false;
  while (i < words.length) {
    const w = words[i];
    const index = i;
    i += 1;
    const nextArg = (option: string) => (): Uint8Array => {
      if (i >= words.length) fail(`${option} needs a value after it.`);
      return raw[i++];
    };
    if (optionsDone || !w.startsWith('-') || w === '-') {
      urls.push(w);
    } else if (w === '--') {
      optionsDone = true;
    } else if (w.startsWith('--')) {
      handle(w, nextArg(w));
    } else {
      // A cluster of short flags such as -sSL, or a short option glued to its value (-XPOST).
      for (let k = 1; k < w.length; k += 1) {
        const option = `-${w[k]}`;
        if (SHORT_WITH_ARG.has(w[k]) || IGNORED_WITH_ARG.has(option)) {
          const rest = raw[index].subarray(utf8Bytes(w.slice(0, k + 1)).length);
          handle(option, rest.length ? () => rest : nextArg(option));
          break;
        }
        handle(option, nextArg(option));
      }
    }
  }

  if (urls.length === 0) fail('it has no URL.');
  if (urls.length > 1) warnings.push(`The command has ${urls.length} URLs; only the first is used.`);
  let url = urls[0];
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) url = `http://${url}`;
  const problem = targetUrlProblem(url);
  if (problem) fail(problem);

  if (data.length && form.length) fail('it mixes -d/--data and -F/--form, which curl refuses too.');
  const has = (name: string): boolean => headers.some(([n]) => n.toLowerCase() === name);
  let body: Uint8Array = new Uint8Array(0);
  if (data.length) {
    const joined = concatBytes(data.map((d) => d.bytes), 0x26);
    if (get) {
      const u = new URL(url);
      url = `${u.origin}${u.pathname}${u.search ? `${u.search}&` : '?'}${text(joined)}${u.hash}`;
    } else {
      body = joined;
      if (data.some((d) => d.kind === 'json')) {
        if (!has('content-type')) headers.push(['Content-Type', 'application/json']);
        if (!has('accept')) headers.push(['Accept', 'application/json']);
      } else if (!has('content-type')) {
        headers.push(['Content-Type', 'application/x-www-form-urlencoded']);
      }
    }
  } else if (form.length) {
    const mp = multipartBody(form);
    body = mp.body;
    if (!has('content-type')) headers.push(['Content-Type', mp.contentType]);
  }
  if (user !== null) {
    const u = user as string;
    if (!u.includes(':')) warnings.push('-u has no password; an empty one is used.');
    if (!has('authorization')) headers.push(['Authorization', `Basic ${base64Encode(utf8Bytes(u.includes(':') ? u : `${u}:`))}`]);
  }

  const finalMethod = method ?? (head ? 'HEAD' : get ? 'GET' : body.length || data.length || form.length ? 'POST' : 'GET');
  return {
    request: {
      method: (finalMethod as string).trim() || 'GET',
      url,
      headers: headers.filter(([n]) => !removed.has(n.toLowerCase())),
      body: encodeBody(body),
    },
    warnings,
  };
}
