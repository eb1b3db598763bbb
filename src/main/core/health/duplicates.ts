/*
 * Which captures carry a provider event id already seen on their endpoint. Memory holds one short
 * key per capture that has an event id, so it is bounded by the store's retention cap. The first
 * capture still stored is the one later ones are "duplicate of"; if the user deletes it, the next
 * oldest takes its place for new arrivals.
 */

export interface DuplicateKey {
  endpointId: string;
  provider?: string;
  eventId?: string;
}

const keyOf = (k: DuplicateKey): string | undefined =>
  k.eventId ? `${k.endpointId}\u0000${k.provider ?? ''}\u0000${k.eventId}` : undefined;

export class DuplicateIndex {
  /** key -> capture ids, oldest first. */
  private readonly byKey = new Map<string, string[]>();
  private readonly keyById = new Map<string, string>();

  /** Records a capture; returns the id of the first capture with the same event, when there is one. */
  add(id: string, k: DuplicateKey): string | undefined {
    const key = keyOf(k);
    if (!key || this.keyById.has(id)) return undefined;
    this.keyById.set(id, key);
    const ids = this.byKey.get(key);
    if (!ids) {
      this.byKey.set(key, [id]);
      return undefined;
    }
    ids.push(id);
    return ids[0];
  }

  /** How many stored captures share this capture's event (1 when it is unique). */
  count(id: string): number {
    const key = this.keyById.get(id);
    return key ? (this.byKey.get(key)?.length ?? 1) : 1;
  }

  remove(ids: Iterable<string>): void {
    for (const id of ids) {
      const key = this.keyById.get(id);
      if (!key) continue;
      this.keyById.delete(id);
      const list = this.byKey.get(key);
      if (!list) continue;
      const at = list.indexOf(id);
      if (at >= 0) list.splice(at, 1);
      if (list.length === 0) this.byKey.delete(key);
    }
  }

  clear(): void {
    this.byKey.clear();
    this.keyById.clear();
  }

  get size(): number {
    return this.keyById.size;
  }
}
