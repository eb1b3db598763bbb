/*
 * Which captures carry a provider event id already seen on their endpoint. The first capture still
 * stored is the one later ones are "duplicate of"; if the user deletes it, the next oldest takes its
 * place for new arrivals.
 *
 * Every capture with an event id has an entry (most providers send one with every delivery), so
 * memory is bounded by the store's retention cap, and an entry costs as little as it can: the index
 * is split by endpoint and provider, so it is keyed by the event id and capture id strings the
 * summaries already hold (no key built per capture), and an event seen once maps to that one
 * capture id rather than to a list.
 */

export interface DuplicateKey {
  endpointId: string;
  provider?: string;
  eventId?: string;
}

interface Scope {
  /** event id -> the capture that has it, or the captures (oldest first) once it was seen again. */
  readonly byEvent: Map<string, string | string[]>;
  /** capture id -> its event id. */
  readonly eventOf: Map<string, string>;
}

export class DuplicateIndex {
  private readonly scopes = new Map<string, Scope>();
  private lastScopeKey = '';
  private lastScope: Scope | undefined;

  private scope(endpointId: string, provider: string | undefined): Scope {
    const key = `${endpointId}\u0000${provider ?? ''}`;
    // A burst comes from one sender to one endpoint: the same scope as the capture before.
    if (key === this.lastScopeKey && this.lastScope) return this.lastScope;
    let scope = this.scopes.get(key);
    if (!scope) {
      scope = { byEvent: new Map(), eventOf: new Map() };
      this.scopes.set(key, scope);
    }
    this.lastScopeKey = key;
    this.lastScope = scope;
    return scope;
  }

  private find(id: string): { scope: Scope; eventId: string } | undefined {
    for (const scope of this.scopes.values()) {
      const eventId = scope.eventOf.get(id);
      if (eventId !== undefined) return { scope, eventId };
    }
    return undefined;
  }

  /** Records a capture; returns the id of the first capture with the same event, when there is one. */
  add(id: string, k: DuplicateKey): string | undefined {
    const { eventId } = k;
    if (!eventId) return undefined;
    const scope = this.scope(k.endpointId, k.provider);
    if (scope.eventOf.has(id)) return undefined;
    scope.eventOf.set(id, eventId);
    const seen = scope.byEvent.get(eventId);
    if (seen === undefined) {
      scope.byEvent.set(eventId, id);
      return undefined;
    }
    if (typeof seen === 'string') {
      scope.byEvent.set(eventId, [seen, id]);
      return seen;
    }
    seen.push(id);
    return seen[0];
  }

  /** How many stored captures share this capture's event (1 when it is unique). */
  count(id: string): number {
    const found = this.find(id);
    const seen = found && found.scope.byEvent.get(found.eventId);
    return Array.isArray(seen) ? seen.length : 1;
  }

  remove(ids: Iterable<string>): void {
    for (const id of ids) {
      const found = this.find(id);
      if (!found) continue;
      const { scope, eventId } = found;
      scope.eventOf.delete(id);
      const seen = scope.byEvent.get(eventId);
      if (typeof seen === 'string' || seen === undefined) {
        if (seen === id) scope.byEvent.delete(eventId);
        continue;
      }
      const at = seen.indexOf(id);
      if (at >= 0) seen.splice(at, 1);
      if (seen.length === 1) scope.byEvent.set(eventId, seen[0]);
      else if (seen.length === 0) scope.byEvent.delete(eventId);
    }
  }

  clear(): void {
    this.scopes.clear();
    this.lastScopeKey = '';
    this.lastScope = undefined;
  }

  get size(): number {
    let n = 0;
    for (const scope of this.scopes.values()) n += scope.eventOf.size;
    return n;
  }
}
