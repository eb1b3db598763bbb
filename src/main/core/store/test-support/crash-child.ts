/*
 * The process the crash test kills: the real capture listener over the real store, in a data
 * directory given on the command line. Prints `READY <port>` once it accepts captures.
 */
import { startCaptureListener } from '../../capture/listener';
import { openCaptureStore } from '../capture-store';

const dataDir = process.argv[2];
if (!dataDir) {
  process.stderr.write('usage: crash-child <dataDir> [maxCaptures]\n');
  process.exit(2);
}
const store = await openCaptureStore({ dataDir, maxCaptures: Number(process.argv[3] ?? 100_000) });
const listener = await startCaptureListener({
  store,
  port: 0,
  host: '127.0.0.1',
  tunnelPort: null,
  limits: { bodyLimitBytes: 1024 * 1024 },
});
process.stdout.write(`READY ${listener.port}\n`);
