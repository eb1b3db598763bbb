/*
 * Help for each `hooklens` command (`hooklens <command> --help`, `hooklens help <command>`). Every
 * option a command accepts is described here; a test holds each text to its command's option list.
 */
import { APP_VERSION } from '../core/version';
import { EVENTS_USAGE } from './events-command';
import { LISTEN_USAGE } from './listen-command';
import { CHECK_USAGE } from './check-command';
import { SERVE_USAGE } from './serve-command';
import { TRIGGER_USAGE } from './trigger-command';

const VERIFY_USAGE = `hooklens verify --secret S --body-file PATH --header 'Name: value' [--header …] [--provider ID]
                [--url URL] [--method M] [--now UNIX] [--tolerance SECONDS]`;
const SIGN_USAGE = `hooklens sign --provider ID --secret S --body-file PATH [--timestamp UNIX] [--id ID] [--url URL]
              [--method M] [--header 'Name: value' …] [--curl URL]`;
const PROVIDERS_USAGE = 'hooklens providers [--json]';

const GENERIC_HELP = `Home-made HMAC schemes (--provider generic):
  --signature-header NAME   header that carries the signature (required)
  --algorithm sha1|sha256|sha512   HMAC digest (default sha256)
  --encoding hex|base64     how the digest is written (default hex)
  --prefix P                text before the digest in the header, e.g. 'sha256='
  --template T              what is signed (default '{body}'); parts: {body} {timestamp} {id} {url} {method}
  --timestamp-header NAME   header carrying {timestamp}
  --id-header NAME          header carrying {id}
  --secret-encoding utf8|hex|base64   how the secret becomes key bytes (default utf8)`;

export const COMMAND_HELP = {
  serve: `${SERVE_USAGE}

Runs Hooklens in the browser: the app on 127.0.0.1, printing the UI and capture URLs.

Options:
  --port N             UI port (default 8786; a free one when taken)
  --capture-port N     port webhooks are sent to (default 8787)
  --capture-host H     address the capture listener binds (default 127.0.0.1)
  --data-dir DIR       where captures live (default HOOKLENS_DATA_DIR, else ~/.hooklens)
  --no-open            do not open the browser
  --tunnel-host URL    localtunnel server to use
  --subdomain NAME     ask the tunnel for this subdomain
  --no-tunnel          no public URL, local capture only
  --new-token          replace the UI's access key (kept in the data directory, so open tabs
                       survive a restart); tabs with the old address must be reopened
  --print-url          print the UI address of the Hooklens running on this data directory and exit`,

  verify: `${VERIFY_USAGE}

Checks a webhook signature offline, on the exact bytes of the body file. The provider is detected
from the headers unless --provider names it.

Options:
  --secret S             the signing secret (never printed)
  --body-file PATH       the raw request body, byte for byte
  --header 'Name: value' a request header; repeat it for each (at least the signature headers)
  --provider ID          the scheme, see \`hooklens providers\` (skips detection)
  --url URL              the full URL the sender called; needed by schemes that sign it (Twilio,
                         Square, HubSpot, Trello, Contentful)
  --method M             the request method (default POST)
  --now UNIX             judge timestamps at this unix time (default: now)
  --tolerance SECONDS    allowed timestamp skew (default: the provider's)

${GENERIC_HELP}

Prints one JSON verdict on stdout. Exit 0 valid, 1 invalid, 2 unusable input (error on stderr).`,

  sign: `${SIGN_USAGE}

Signs a body the way the provider does, to test a receiver. Prints the headers to send as one JSON
object, or with --curl a ready curl command.

Options:
  --provider ID          the scheme, see \`hooklens providers\` (those marked SIGN yes)
  --secret S             the signing secret (never printed)
  --body-file PATH       the body to sign, byte for byte
  --timestamp UNIX       the signed time (default: now)
  --id ID                message id, for schemes that sign one (Standard Webhooks…)
  --url URL              the URL to sign, for schemes that sign it (default: the --curl URL)
  --method M             the request method, for schemes that sign it (default POST)
  --header 'Name: value' another request header (Content-Type…); repeat it for each
  --curl URL             print a curl command that sends the body file to URL with these headers

${GENERIC_HELP}`,

  listen: `${LISTEN_USAGE}

Headless capture: the capture listener and the tunnel, printing the capture and public URLs, then
one line per delivery (time, method, path, provider, event type, signature verdict when a secret
is stored, forward result and time). Stops on Ctrl+C / SIGTERM with a summary. Refuses a data
directory that the app or \`hooklens serve\` holds.

Options:
  --forward-to URL     forward every capture to URL (its path appended), retrying 5xx and
                       connection errors as the app's auto-forward does
  --endpoint SLUG      use (or create) this endpoint: URLs point at /e/SLUG/, only its lines print
  --no-tunnel          no public URL, local capture only
  --json               one JSON object per delivery instead of a text line
  --data-dir DIR       where captures live (default HOOKLENS_DATA_DIR, else ~/.hooklens)
  --capture-port N     port webhooks are sent to (default 8787)
  --capture-host H     address the capture listener binds (default 127.0.0.1)
  --tunnel-host URL    localtunnel server to use
  --subdomain NAME     ask the tunnel for this subdomain`,

  events: `${EVENTS_USAGE}

Lists the test-event catalog: realistic signed events per provider, lifecycle events marked with
their object and stage.

Options:
  --provider ID          one provider only
  --json                 print the providers with their events as one JSON array`,

  trigger: `${TRIGGER_USAGE}

Builds one catalog event with fresh ids and timestamps, signs it the provider's way and sends it.
Exit 0 on a 2xx answer (or --print), 1 on another answer or no answer, 2 on unusable input.

Options:
  --provider ID          catalog provider, see \`hooklens events\`
  --event TYPE           event type, as the provider names it
  --target URL           where to send it (signed into the request by Twilio, Square, HubSpot)
  --secret S             signing secret (default: a new one in the provider's format, shown on stderr)
  --set path=value       edit the body before signing (data.object.amount=500); repeat it for each
  --object-id ID         make a lifecycle event about this object (printed by an earlier trigger)
  --print                print the signed request as a curl command instead of sending it
  --timeout SECONDS      how long to wait for the answer (default 30)`,

  providers: `${PROVIDERS_USAGE}

Lists the signature schemes: id, whether \`hooklens sign\` can sign them, and their headers.

Options:
  --json                 print an array of { id, name, headers, canSign, needsUrl }`,

  check: `${CHECK_USAGE}

Plays the provider, and an attacker, against your webhook handler and scores it: a valid delivery
within the provider's timeout; a changed body, no signature, another secret and an old timestamp
must be rejected; duplicates, concurrent copies and retries must not crash it; out-of-order and
unknown events, a body near the size limit, and the answer times over the run.

Options:
  --target URL           the handler's URL (http or https; this machine unless --allow-remote)
  --provider ID          whose deliveries to play, see \`hooklens providers\` (svix, clerk… work too)
  --secret S             the signing secret your handler checks against (never printed)
  --capture-file F       derive the probes from this capture record or HAR file
  --event TYPE           send this event type, in the provider's built-in sample event
  --only probe,…         run only these probes: valid, forged-body, unsigned, wrong-secret,
                         stale-timestamp, duplicate, retry, reverse-order, unknown-type,
                         large-body, response-time
  --json                 print one JSON report instead of lines
  --fast                 leave out the slow probe (a body near the provider's maximum size)
  --allow-remote         allow a target that is not this machine (probes are forged requests)
  --timeout-ms N         your own answer budget instead of the provider's timeout

One line per probe (PASS, WARN, FAIL). Exit 0 when no probe fails, 1 when one does, 2 when the
input is unusable or nothing listens on the target (the reason on stderr).`,
} as const;

export type CommandName = keyof typeof COMMAND_HELP;

export function isCommand(name: string | undefined): name is CommandName {
  return name !== undefined && Object.hasOwn(COMMAND_HELP, name);
}

export const USAGE = `Hooklens ${APP_VERSION}: webhook debugger

Usage:
  ${SERVE_USAGE.replace(/\n/g, '\n  ')}
  ${VERIFY_USAGE.replace(/\n/g, '\n  ')}
  ${SIGN_USAGE.replace(/\n/g, '\n  ')}
  ${PROVIDERS_USAGE}
  ${LISTEN_USAGE.replace(/\n/g, '\n  ')}
  ${EVENTS_USAGE}
  ${TRIGGER_USAGE.replace(/\n/g, '\n  ')}
  ${CHECK_USAGE.replace(/\n/g, '\n  ')}
  hooklens <command> --help

Home-made schemes: --provider generic --signature-header NAME [--algorithm …] (see verify --help).
`;
