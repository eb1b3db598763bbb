/*
 * The tunnel port's front door. localtunnel's client opens its whole pool of sockets to this port in
 * advance and leaves them idle until its server hands one a request, so "connected, nothing sent
 * yet" is the normal state of a tunnel socket, not a slow client. node:http starts its header
 * deadline when it accepts a connection (its defence against idle sockets) and answers 408 when it
 * passes; on a tunnel socket that 408 travels back up the tunnel and the tunnel server reads it as
 * the answer to the next public request it hands to that socket.
 *
 * So the tunnel port listens with a plain TCP server, and a connection reaches the HTTP server only
 * when its first byte arrives (the byte is put back first): the header and request deadlines, and
 * with them the slowloris protection, run from the first byte. After a request has been answered,
 * node:http counts a kept-alive connection as idle again, outside those deadlines. Its keep-alive
 * timeout is turned off on this port (see listener.ts): a close that the tunnel server has not
 * noticed yet can race a request it is handing to that socket. The tunnel server closes sockets it
 * no longer wants, and Hooklens closes every socket on exit.
 */
import type http from 'node:http';
import net from 'node:net';

export interface FirstByteGate {
  /** The server that listens; its connections go to the HTTP server once they have sent a byte. */
  readonly server: net.Server;
  /** Connections that have not sent a byte yet. */
  waiting(): number;
  /** Stops listening, ends waiting connections and stops the HTTP server's deadline checks. */
  close(): Promise<void>;
}

export function createFirstByteGate(httpServer: http.Server): FirstByteGate {
  const waiting = new Set<net.Socket>();
  // Same socket options as an http.Server's own: half-open allowed (HTTP decides), no Nagle delay.
  const server = net.createServer({ allowHalfOpen: true, noDelay: true }, (socket) => {
    waiting.add(socket);
    const onError = (): void => {
      socket.destroy();
    };
    // Closed before saying anything: nothing to answer, close our side too.
    const onEnd = (): void => {
      socket.end();
    };
    const onClose = (): void => {
      waiting.delete(socket);
    };
    socket.on('error', onError);
    socket.once('end', onEnd);
    socket.once('close', onClose);
    socket.once('data', (chunk: Buffer) => {
      waiting.delete(socket);
      socket.off('error', onError);
      socket.off('end', onEnd);
      socket.off('close', onClose);
      socket.pause();
      socket.unshift(chunk);
      // Documented for http.Server: a connection can be handed over by emitting 'connection'.
      httpServer.emit('connection', socket);
      socket.resume();
    });
  });
  server.on('listening', () => {
    // node:http starts tracking connections (and checking their deadlines) on 'listening'; this HTTP
    // server never listens itself, so it is told when its front door does.
    httpServer.emit('listening');
  });

  return {
    server,
    waiting: () => waiting.size,
    close() {
      return new Promise<void>((resolve) => {
        for (const socket of waiting) socket.destroy();
        if (!server.listening) {
          resolve();
          return;
        }
        server.close(() => resolve());
        // Clears node:http's deadline timer; it reports "not running" because it never listened.
        httpServer.close(() => undefined);
      });
    },
  };
}
