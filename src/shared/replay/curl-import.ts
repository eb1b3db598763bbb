/*
 * Turns a pasted cURL command into the request curl itself would send, headers in curl's order:
 * its own (Authorization, Range, User-Agent, Accept, Accept-Encoding, Referer, Cookie), then the -H
 * headers, then the body's Content-Type. A header given with -H takes the place of curl's own; an
 * empty `-H 'Name:'` removes curl's own. Host and Content-Length are left to the sender, which
 * computes them as curl does. Options that read files need a reader from the caller (the core's
 * reads absolute paths only); output and transport options are ignored; any other option is refused
 * by name, so its argument is never mistaken for the URL.
 */
import type { HeaderPair } from '../capture';
import { HooklensError } from '../errors';
import { base64Encode, encodeBody, utf8Bytes } from '../body-codec';
import { concatBytes, printfB, urlencoded, urlencodeSource } from './curl-encoding';
import { type FormPart, multipartBody } from './multipart-body';
import { IGNORED_FLAGS, IGNORED_WITH_ARG, SHORT_WITH_ARG } from './curl-options';
import { ShellSyntaxError, splitShellWords } from './shell-words';
import { targetUrlProblem } from './target-url';
import type { ImportedRequest } from './types';

/** Reads a file an option names (`-d @file`, `-H @file`…); throws with a reason when it cannot. */
export type CurlFileReader = (path: string) => Uint8Array;

/** curl sends its own version; the importer cannot know which curl the command was written for. */
export const CURL_USER_AGENT = 'curl/8.5.0';
/** What --compressed asks for in a curl built with every decoder (the usual builds). */
export const CURL_ACCEPT_ENCODING = 'deflate, gzip, br, zstd';

type Kind = 'data' | 'json';

function fail(message: string): never {
  throw new HooklensError('import_failed', `Could not import the cURL command: ${message}`);
}

const decoder = new TextDecoder();
const text = (bytes: Uint8Array): string => decoder.decode(bytes);
const stripNewlines = (bytes: Uint8Array): Uint8Array => bytes.filter((b) => b !== 0x0a && b !== 0x0d);

function split(command: string): ReturnType<typeof splitShellWords> {
  try {
    return splitShellWords(command);
  } catch (err) {
    if (err instanceof ShellSyntaxError) fail(err.message);
    throw err;
  }
}

export function parseCurl(command: string, readFile?: CurlFileReader): ImportedRequest {
  if (command.length > 10 * 1024 * 1024) fail('the command is larger than 10 MB.');
  let words = split(command.trim().replace(/^\$\s+/, ''));
  // Hooklens writes bodies with NUL bytes as `printf '%b' '…' | curl … --data-binary @-`.
  let stdin: Uint8Array | null = null;
  const first = words.words.map(text);
  if (first[0] === 'printf' && first[1] === '%b' && first.length === 3 && words.trailing?.startsWith('|')) {
    stdin = printfB(first[2]);
    words = split(words.trailing.slice(1));
  }
  const raw = words.words;
  const argv = raw.map(text);
  const warnings: string[] = [];
  if (words.trailing) warnings.push(`Ignored what follows the command: ${words.trailing.slice(0, 80)}`);
  if (argv.length === 0) fail('it is empty.');
  if (!/(^|[/\\])curl(\.exe)?$/i.test(argv[0])) fail(`it starts with "${argv[0].slice(0, 40)}", not "curl".`);

  const read = (option: string, path: string): Uint8Array => {
    if (path === '-') {
      if (stdin === null)
        fail(
          `${option} @- reads from standard input, which a pasted command does not carry; paste the content instead.`,
        );
      return stdin;
    }
    if (!readFile) fail(`${option} reads the local file ${path.slice(0, 80)}; paste the content instead.`);
    const bytes = readFile(path);
    warnings.push(`Read ${bytes.length} bytes from ${path} (${option}).`);
    return bytes;
  };

  let method: string | null = null;
  let head = false;
  let get = false;
  let compressed = false;
  let userArg: string | null = null;
  let bearerArg: string | null = null;
  let agentArg: string | null = null;
  let refererArg: string | null = null;
  let rangeArg: string | null = null;
  const cookies: string[] = [];
  const urls: string[] = [];
  const custom: HeaderPair[] = [];
  const removed = new Set<string>();
  const data: { kind: Kind; bytes: Uint8Array }[] = [];
  const queries: string[] = [];
  const form: FormPart[] = [];

  const addHeader = (line: string, option: string): void => {
    if (line.startsWith('@')) {
      const lines = text(read(option, line.slice(1))).split('\n');
      for (const l of lines.map((x) => x.replace(/\r$/, ''))) if (l.trim()) addHeader(l, option);
      return;
    }
    const semi = /^([^:;\s]+);\s*$/.exec(line);
    if (semi) {
      custom.push([semi[1], '']);
      return;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) fail(`the header "${line.slice(0, 60)}" has no "Name: value" form.`);
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(name)) fail(`"${name.slice(0, 60)}" is not a valid header name.`);
    if (value === '') removed.add(name.toLowerCase());
    else custom.push([name, value]);
  };

  const formPart = (option: string, value: string): void => {
    const eq = value.indexOf('=');
    if (eq <= 0) fail(`${option} "${value.slice(0, 60)}" is not a name=value pair.`);
    const name = value.slice(0, eq);
    let rest = value.slice(eq + 1);
    if (option === '--form-string') {
      form.push({ name, content: utf8Bytes(rest), filename: null, type: null, fromFile: false });
      return;
    }
    let type: string | null = null;
    let filename: string | null = null;
    // curl reads ;type= and ;filename= after the content (a quoted file name may hold a ';').
    const params = /;\s*(type|filename|headers|encoder)=/i;
    const m = params.exec(rest);
    if (m) {
      const tail = rest.slice(m.index);
      rest = rest.slice(0, m.index);
      for (const p of tail.matchAll(/;\s*(type|filename|headers|encoder)=("(?:[^"\\]|\\.)*"|[^;]*)/gi)) {
        const v = p[2].startsWith('"') ? p[2].slice(1, -1).replace(/\\(.)/g, '$1') : p[2];
        const key = p[1].toLowerCase();
        if (key === 'type') type = v;
        else if (key === 'filename') filename = v;
        else fail(`${option} ${value.slice(0, 60)} uses ;${key}=, which Hooklens does not model.`);
      }
    }
    if (rest.startsWith('@')) {
      const path = rest.slice(1);
      const content = read(option, path);
      form.push({ name, content, filename: filename ?? (path.split(/[/\\]/).pop() || path), type, fromFile: true });
    } else if (rest.startsWith('<')) {
      form.push({ name, content: read(option, rest.slice(1)), filename, type, fromFile: false });
    } else {
      form.push({ name, content: utf8Bytes(rest), filename, type, fromFile: false });
    }
  };

  const urlencodedArg = (option: string, value: string, lowerHex: boolean): string => {
    const src = urlencodeSource(value);
    return urlencoded(src.name, 'file' in src ? read(option, src.file) : src.content, lowerHex);
  };

  const handle = (option: string, arg: () => Uint8Array): void => {
    switch (option) {
      case '-X':
      case '--request':
        method = text(arg());
        return;
      case '-H':
      case '--header':
        addHeader(text(arg()), option);
        return;
      case '-d':
      case '--data':
      case '--data-ascii': {
        const bytes = arg();
        // curl drops CR and LF from a file read by -d (not from the inline value).
        data.push({
          kind: 'data',
          bytes: bytes[0] === 0x40 ? stripNewlines(read(option, text(bytes.subarray(1)))) : bytes,
        });
        return;
      }
      case '--data-raw':
        data.push({ kind: 'data', bytes: arg() });
        return;
      case '--data-binary': {
        const bytes = arg();
        data.push({ kind: 'data', bytes: bytes[0] === 0x40 ? read(option, text(bytes.subarray(1))) : bytes });
        return;
      }
      case '--data-urlencode':
        data.push({ kind: 'data', bytes: utf8Bytes(urlencodedArg(option, text(arg()), false)) });
        return;
      case '--json': {
        const bytes = arg();
        data.push({ kind: 'json', bytes: bytes[0] === 0x40 ? read(option, text(bytes.subarray(1))) : bytes });
        return;
      }
      case '--url-query': {
        const value = text(arg());
        // A leading + sends the rest as it is, without encoding.
        queries.push(value.startsWith('+') ? value.slice(1) : urlencodedArg(option, value, true));
        return;
      }
      case '-F':
      case '--form':
      case '--form-string':
        formPart(option, text(arg()));
        return;
      case '-u':
      case '--user':
        userArg = text(arg());
        return;
      case '--oauth2-bearer':
        bearerArg = text(arg());
        return;
      case '-A':
      case '--user-agent':
        agentArg = text(arg());
        return;
      case '-e':
      case '--referer':
        refererArg = text(arg()).replace(/;auto$/, '');
        return;
      case '-b':
      case '--cookie': {
        const value = text(arg());
        if (value.includes('=')) cookies.push(value);
        else warnings.push(`Ignored ${option} ${value}: it names a cookie file, which Hooklens does not read.`);
        return;
      }
      case '-r':
      case '--range':
        rangeArg = text(arg());
        return;
      case '--compressed':
        compressed = true;
        return;
      case '--url':
        urls.push(text(arg()));
        return;
      case '-G':
      case '--get':
        get = true;
        return;
      case '-I':
      case '--head':
        head = true;
        return;
      case '-T':
      case '--upload-file':
        fail(`${option} uploads a local file, which Hooklens does not model; use --data-binary @file.`);
      // falls through: fail never returns
      case '-K':
      case '--config':
        fail(`${option} reads options from a file; paste them instead.`);
      // falls through
      default:
        if (IGNORED_WITH_ARG.has(option)) {
          arg();
          if (option === '-x' || option === '--proxy')
            warnings.push('Ignored the proxy: the request goes straight to the target.');
          return;
        }
        if (IGNORED_FLAGS.has(option)) {
          if (option === '-L' || option === '--location') warnings.push('Redirects are shown, not followed.');
          return;
        }
        fail(
          `the option ${option} changes the request in a way Hooklens does not model; remove it or edit the request after importing.`,
        );
    }
  };

  let i = 1;
  let optionsDone = false;
  while (i < argv.length) {
    const w = argv[i];
    const index = i;
    i += 1;
    const nextArg = (option: string) => (): Uint8Array => {
      if (i >= argv.length) fail(`${option} needs a value after it.`);
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

  // Data pieces are joined with '&', except that a --json piece is appended as it is.
  const joined = concatBytes(
    data.flatMap((d, k) => (k > 0 && d.kind !== 'json' ? [utf8Bytes('&'), d.bytes] : [d.bytes])),
  );
  const query = [...(get && data.length ? [text(joined)] : []), ...queries];
  if (query.length) {
    const hash = url.indexOf('#');
    const base = hash >= 0 ? url.slice(0, hash) : url;
    url = `${base}${base.includes('?') ? '&' : '?'}${query.join('&')}`;
    if (/[\s]/.test(url)) fail('the query built from -G/--url-query holds a space, which curl refuses in a URL.');
  }
  let body: Uint8Array = new Uint8Array(0);
  let bodyType: string | null = null;
  if (data.length && !get) {
    body = joined;
    if (data.some((d) => d.kind === 'json')) {
      // curl adds these as if given with -H, after the others, unless -H set them.
      const given = (n: string): boolean => custom.some(([h]) => h.toLowerCase() === n) || removed.has(n);
      if (!given('content-type')) custom.push(['Content-Type', 'application/json']);
      if (!given('accept')) custom.push(['Accept', 'application/json']);
    } else bodyType = 'application/x-www-form-urlencoded';
  } else if (form.length) {
    const mp = multipartBody(form);
    body = mp.body;
    bodyType = mp.contentType;
  }

  // Assigned inside handle(): TypeScript cannot see that, so the types are restated here.
  const [user, bearer, userAgent, referer, range] = [userArg, bearerArg, agentArg, refererArg, rangeArg] as (
    string | null
  )[];
  const own: HeaderPair[] = [];
  if (bearer !== null) own.push(['Authorization', `Bearer ${bearer}`]);
  else if (user !== null) {
    if (!user.includes(':')) warnings.push('-u has no password; curl would ask for one, an empty one is used.');
    own.push(['Authorization', `Basic ${base64Encode(utf8Bytes(user.includes(':') ? user : `${user}:`))}`]);
  }
  if (range !== null) {
    const r = /^\d+$/.test(range) ? `${range}-` : range;
    // With a -d body curl sends the range as the part of the upload it covers.
    if (data.length && !get) own.push(['Content-Range', `bytes ${r}/${body.length}`]);
    else if (!form.length) own.push(['Range', `bytes=${r}`]);
  }
  if (userAgent !== '') own.push(['User-Agent', userAgent ?? CURL_USER_AGENT]);
  own.push(['Accept', '*/*']);
  if (compressed) own.push(['Accept-Encoding', CURL_ACCEPT_ENCODING]);
  if (referer) own.push(['Referer', referer]);
  if (cookies.length) own.push(['Cookie', cookies.join(';')]);
  const tail: HeaderPair[] = bodyType ? [['Content-Type', bodyType]] : [];
  const overridden = (name: string): boolean => {
    const lower = name.toLowerCase();
    return removed.has(lower) || custom.some(([n]) => n.toLowerCase() === lower);
  };

  const finalMethod = method ?? (head ? 'HEAD' : get ? 'GET' : data.length || form.length ? 'POST' : 'GET');
  return {
    request: {
      method: finalMethod.trim() || 'GET',
      url,
      headers: [...own.filter(([n]) => !overridden(n)), ...custom, ...tail.filter(([n]) => !overridden(n))],
      body: encodeBody(body),
    },
    warnings,
  };
}
