/*
 * curl's options sorted by what the importer does with them. Anything in none of these lists is
 * refused by name: guessing would turn its argument into the URL.
 */

/** Options taking an argument that only shape curl's own behaviour or output. */
export const IGNORED_WITH_ARG = new Set([
  '-o', '--output', '-m', '--max-time', '--connect-timeout', '-w', '--write-out', '-c', '--cookie-jar',
  '--cacert', '--capath', '--cert', '-E', '--key', '--cert-type', '--key-type', '--retry', '--retry-delay',
  '--retry-max-time', '--limit-rate', '--max-redirs', '-y', '--speed-time', '-Y', '--speed-limit',
  '--resolve', '--connect-to', '--interface', '--dns-servers', '--proto', '--proto-redir', '--local-port',
  '--max-filesize', '--tls-max', '--ciphers', '--pinnedpubkey', '--noproxy', '-x', '--proxy', '-U',
  '--proxy-user', '--keepalive-time', '--expect100-timeout', '--happy-eyeballs-timeout-ms', '--trace',
  '--trace-ascii', '--stderr', '-D', '--dump-header', '--unix-socket', '--abstract-unix-socket',
  '--output-dir', '--etag-save', '--etag-compare', '--hsts', '--alt-svc', '--rate', '--parallel-max',
  '--proxy-header', '--cacert', '--crlfile', '--tls13-ciphers', '--curves',
]);

/** Flags without an argument that change nothing about the request itself. */
export const IGNORED_FLAGS = new Set([
  '-s', '--silent', '-S', '--show-error', '-v', '--verbose', '-i', '--include', '-k', '--insecure',
  '-L', '--location', '-f', '--fail', '--fail-with-body', '-#', '--progress-bar', '-N', '--no-buffer',
  '--http1.1', '--http2', '--http2-prior-knowledge', '-g', '--globoff',
  '-O', '--remote-name', '-J', '--remote-header-name', '-4', '--ipv4', '-6', '--ipv6',
  '--no-keepalive', '--tcp-nodelay', '--path-as-is', '--location-trusted', '-q', '--disable', '--raw',
  '--no-progress-meter', '--ssl', '--ssl-reqd', '--tlsv1.2', '--tlsv1.3', '-1', '--tlsv1', '-Z',
  '--parallel', '--create-dirs', '--styled-output', '--no-styled-output', '--fail-early', '-j',
  '--junk-session-cookies', '--basic', '--no-sessionid', '--no-alpn', '--no-npn', '--retry-connrefused',
  '--retry-all-errors', '--remote-time', '--xattr', '--trace-time', '--compressed-ssh', '--sasl-ir',
]);

/** Short options that take an argument, so `-XPOST` and `-H'…'` work like in curl. */
export const SHORT_WITH_ARG = new Set('XHdbuAeFoTmwcExYUyrKDCz'.split(''));
