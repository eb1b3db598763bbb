/*
 * GitHub: the event name travels in `X-GitHub-Event` and the action (`opened`, `closed`…) in the
 * body, so catalog types read `<event>.<action>`. Every payload carries `repository` and `sender`;
 * ids are integers, `node_id`s base64-ish strings, times ISO 8601 without milliseconds.
 * Shapes follow the published schemas of octokit/webhooks and docs.github.com/webhooks.
 */
import { randomBytes } from 'node:crypto';
import type { HeaderPair } from '../../../../shared/capture';
import type { CatalogEventSpec, CatalogProviderSpec, EventContext } from '../types';

const OWNER = 'hooklens-test';
const REPO = 'webhook-playground';
const REPO_ID = 871_204_553;
const HOOK_ID = 512_339_871;
const API = `https://api.github.com/repos/${OWNER}/${REPO}`;
const HTML = `https://github.com/${OWNER}/${REPO}`;

const isoSec = (iso: string): string => iso.replace(/\.\d{3}Z$/, 'Z');

function user(login: string, id: number): Record<string, unknown> {
  return {
    login,
    id,
    node_id: `MDQ6VXNlcj${id}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
    url: `https://api.github.com/users/${login}`,
    html_url: `https://github.com/${login}`,
    type: 'User',
    site_admin: false,
  };
}

const OCTOCAT = user('octocat', 583_231);

function repository(ctx: EventContext): Record<string, unknown> {
  return {
    id: REPO_ID,
    node_id: 'R_kgDOM_Vh6Q',
    name: REPO,
    full_name: `${OWNER}/${REPO}`,
    private: false,
    owner: { ...user(OWNER, 190_118_224), type: 'Organization' },
    html_url: HTML,
    description: 'Where Hooklens test events come from',
    fork: false,
    url: API,
    created_at: '2024-10-02T08:14:51Z',
    updated_at: isoSec(ctx.isoAt(-600)),
    pushed_at: isoSec(ctx.isoAt(-5)),
    git_url: `git://github.com/${OWNER}/${REPO}.git`,
    clone_url: `${HTML}.git`,
    default_branch: 'main',
    visibility: 'public',
  };
}

function common(ctx: EventContext): Record<string, unknown> {
  return { repository: repository(ctx), sender: OCTOCAT };
}

const sha = (): string => randomBytes(20).toString('hex');

function pullRequest(ctx: EventContext, state: 'open' | 'closed'): Record<string, unknown> {
  const id = Number(ctx.objectId);
  const number = (id % 900) + 1;
  const closed = state === 'closed';
  return {
    url: `${API}/pulls/${number}`,
    id,
    node_id: `PR_kwDOMk${id}`,
    html_url: `${HTML}/pull/${number}`,
    number,
    state,
    locked: false,
    title: 'Verify webhook signatures before parsing',
    user: OCTOCAT,
    body: 'Reads the raw body first so the HMAC is computed over the exact bytes.',
    created_at: isoSec(ctx.isoAt(closed ? -3600 : 0)),
    updated_at: isoSec(ctx.iso),
    closed_at: closed ? isoSec(ctx.iso) : null,
    merged_at: closed ? isoSec(ctx.iso) : null,
    merge_commit_sha: closed ? sha() : null,
    draft: false,
    head: { label: `${OWNER}:verify-first`, ref: 'verify-first', sha: sha(), user: OCTOCAT },
    base: { label: `${OWNER}:main`, ref: 'main', sha: sha(), user: OCTOCAT },
    merged: closed,
    mergeable: null,
    comments: 0,
    commits: 3,
    additions: 42,
    deletions: 7,
    changed_files: 2,
  };
}

function issue(ctx: EventContext, state: 'open' | 'closed'): Record<string, unknown> {
  const id = Number(ctx.objectId);
  const number = (id % 900) + 1;
  return {
    url: `${API}/issues/${number}`,
    repository_url: API,
    html_url: `${HTML}/issues/${number}`,
    id,
    node_id: `I_kwDOMk${id}`,
    number,
    title: 'Webhook handler returns 500 on a retried delivery',
    user: OCTOCAT,
    labels: [
      {
        id: 7_012_118_334,
        node_id: 'LA_kwDOMk',
        url: `${API}/labels/bug`,
        name: 'bug',
        color: 'd73a4a',
        default: true,
      },
    ],
    state,
    state_reason: state === 'closed' ? 'completed' : null,
    locked: false,
    assignees: [],
    comments: 0,
    created_at: isoSec(ctx.isoAt(state === 'closed' ? -7200 : 0)),
    updated_at: isoSec(ctx.iso),
    closed_at: state === 'closed' ? isoSec(ctx.iso) : null,
    author_association: 'OWNER',
    body: 'The second delivery of the same X-GitHub-Delivery id fails the unique index.',
  };
}

/** `X-GitHub-Event` is the part of the catalog type before the action. */
const eventHeader = (name: string) => (): HeaderPair[] => [['X-GitHub-Event', name]];

const events: CatalogEventSpec[] = [
  {
    type: 'ping',
    summary: 'Sent once when a webhook is created',
    headers: eventHeader('ping'),
    body: (ctx) => ({
      zen: 'Keep it logically awesome.',
      hook_id: HOOK_ID,
      hook: {
        type: 'Repository',
        id: HOOK_ID,
        name: 'web',
        active: true,
        events: ['push', 'pull_request', 'issues', 'release', 'workflow_run'],
        config: { content_type: 'json', insecure_ssl: '0', url: ctx.url },
        updated_at: isoSec(ctx.iso),
        created_at: isoSec(ctx.iso),
        url: `${API}/hooks/${HOOK_ID}`,
        ping_url: `${API}/hooks/${HOOK_ID}/pings`,
      },
      ...common(ctx),
    }),
  },
  {
    type: 'push',
    summary: 'Commits were pushed to a branch',
    headers: eventHeader('push'),
    body: (ctx) => {
      const before = sha();
      const after = sha();
      const commit = {
        id: after,
        tree_id: sha(),
        distinct: true,
        message: 'Answer 2xx only after the event is stored',
        timestamp: ctx.iso.replace(/\.\d{3}Z$/, '+00:00'),
        url: `${HTML}/commit/${after}`,
        author: { name: 'The Octocat', email: 'octocat@github.com', username: 'octocat' },
        committer: { name: 'GitHub', email: 'noreply@github.com', username: 'web-flow' },
        added: [],
        removed: [],
        modified: ['src/webhooks.ts'],
      };
      return {
        ref: 'refs/heads/main',
        before,
        after,
        repository: repository(ctx),
        pusher: { name: 'octocat', email: 'octocat@github.com' },
        sender: OCTOCAT,
        created: false,
        deleted: false,
        forced: false,
        base_ref: null,
        compare: `${HTML}/compare/${before.slice(0, 12)}...${after.slice(0, 12)}`,
        commits: [commit],
        head_commit: commit,
      };
    },
  },
  {
    type: 'pull_request.opened',
    summary: 'A pull request was opened',
    object: { kind: 'pull_request', stage: 'created' },
    headers: eventHeader('pull_request'),
    body: (ctx) => {
      const pr = pullRequest(ctx, 'open');
      return { action: 'opened', number: pr.number, pull_request: pr, ...common(ctx) };
    },
  },
  {
    type: 'pull_request.closed',
    summary: 'A pull request was merged and closed',
    object: { kind: 'pull_request', stage: 'updated' },
    headers: eventHeader('pull_request'),
    body: (ctx) => {
      const pr = pullRequest(ctx, 'closed');
      return { action: 'closed', number: pr.number, pull_request: pr, ...common(ctx) };
    },
  },
  {
    type: 'issues.opened',
    summary: 'An issue was opened',
    object: { kind: 'issue', stage: 'created' },
    headers: eventHeader('issues'),
    body: (ctx) => ({ action: 'opened', issue: issue(ctx, 'open'), ...common(ctx) }),
  },
  {
    type: 'issues.closed',
    summary: 'An issue was closed',
    object: { kind: 'issue', stage: 'updated' },
    headers: eventHeader('issues'),
    body: (ctx) => ({ action: 'closed', issue: issue(ctx, 'closed'), ...common(ctx) }),
  },
  {
    type: 'release.published',
    summary: 'A release was published',
    headers: eventHeader('release'),
    body: (ctx) => {
      const id = Number(ctx.objectId);
      return {
        action: 'published',
        release: {
          url: `${API}/releases/${id}`,
          html_url: `${HTML}/releases/tag/v1.4.0`,
          id,
          node_id: `RE_kwDOMk${id}`,
          tag_name: 'v1.4.0',
          target_commitish: 'main',
          name: 'v1.4.0',
          draft: false,
          prerelease: false,
          created_at: isoSec(ctx.isoAt(-300)),
          published_at: isoSec(ctx.iso),
          author: OCTOCAT,
          assets: [],
          tarball_url: `${API}/tarball/v1.4.0`,
          zipball_url: `${API}/zipball/v1.4.0`,
          body: 'Signature checks for every delivery.',
        },
        ...common(ctx),
      };
    },
  },
  {
    type: 'workflow_run.completed',
    summary: 'An Actions workflow run finished',
    headers: eventHeader('workflow_run'),
    body: (ctx) => {
      const id = Number(ctx.objectId);
      const head = sha();
      return {
        action: 'completed',
        workflow_run: {
          id,
          name: 'CI',
          node_id: `WFR_kwLOMk${id}`,
          head_branch: 'main',
          head_sha: head,
          path: '.github/workflows/ci.yml',
          run_number: (id % 500) + 1,
          event: 'push',
          status: 'completed',
          conclusion: 'success',
          workflow_id: 118_400_212,
          url: `${API}/actions/runs/${id}`,
          html_url: `${HTML}/actions/runs/${id}`,
          created_at: isoSec(ctx.isoAt(-180)),
          updated_at: isoSec(ctx.iso),
          run_attempt: 1,
          run_started_at: isoSec(ctx.isoAt(-180)),
          actor: OCTOCAT,
          triggering_actor: OCTOCAT,
          head_commit: {
            id: head,
            tree_id: sha(),
            message: 'Answer 2xx only after the event is stored',
            timestamp: isoSec(ctx.isoAt(-200)),
          },
        },
        workflow: {
          id: 118_400_212,
          node_id: 'W_kwDOMk',
          name: 'CI',
          path: '.github/workflows/ci.yml',
          state: 'active',
        },
        ...common(ctx),
      };
    },
  },
];

export const githubCatalog: CatalogProviderSpec = {
  id: 'github',
  name: 'GitHub',
  signer: 'github',
  docs: 'https://docs.github.com/en/webhooks/webhook-events-and-payloads',
  contentType: 'application/json',
  // GitHub shows no format for the secret; a random hex string is what its docs suggest generating.
  newSecret: () => randomBytes(20).toString('hex'),
  newEventId: (t) => t.uuid(),
  newObjectId: (_kind, t) => String(t.int(10)),
  headers: (ctx) => [
    ['Accept', '*/*'],
    ['Content-Type', 'application/json'],
    ['User-Agent', `GitHub-Hookshot/${randomBytes(4).toString('hex').slice(0, 7)}`],
    ['X-GitHub-Delivery', ctx.eventId],
    ['X-GitHub-Hook-ID', String(HOOK_ID)],
    ['X-GitHub-Hook-Installation-Target-ID', String(REPO_ID)],
    ['X-GitHub-Hook-Installation-Target-Type', 'repository'],
  ],
  events,
};
