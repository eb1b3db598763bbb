/*
 * The check's target: an http(s) URL, loopback unless the user said otherwise (probes send forged
 * and replayed requests, which is nothing to aim at someone else's server by accident), and
 * something listening there before any probe runs, so "nothing is listening on :3000" is one plain
 * result rather than eleven identical failures.
 */
import net from 'node:net';
import { HooklensError } from '../../../shared/errors';
import { targetUrlProblem } from '../../../shared/replay/target-url';

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host === '::1') return true;
  if (net.isIPv4(host)) return host.startsWith('127.');
  // IPv4-mapped IPv6 loopback, as URL normalises it.
  return /^::ffff:(127\.|7f)/.test(host);
}

export function parseTarget(url: string, allowRemote: boolean): URL {
  const problem = targetUrlProblem(url);
  if (problem) throw new HooklensError('invalid_argument', `Target: ${problem}`);
  const parsed = new URL(url.trim());
  if (!allowRemote && !isLoopbackHost(parsed.hostname)) {
    throw new HooklensError(
      'forbidden',
      `${parsed.host} is not this machine: the check sends forged and replayed webhooks, so a remote target needs explicit confirmation (--allow-remote).`,
    );
  }
  return parsed;
}

/** Null when a TCP connection opens, or a plain reason it did not. */
export function reachability(url: URL, timeoutMs: number): Promise<string | null> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  const where = `${url.hostname}:${port}`;
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (reason: string | null): void => {
      socket.destroy();
      clearTimeout(timer);
      resolve(reason);
    };
    const timer = setTimeout(() => done(`no connection to ${where} within ${timeoutMs} ms`), timeoutMs);
    socket.once('connect', () => done(null));
    socket.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'ECONNREFUSED') done(`nothing is listening on ${where}`);
      else if (err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN')
        done(`the host name ${url.hostname} could not be resolved`);
      else done(`${where} cannot be reached (${err.code ?? err.message})`);
    });
  });
}
