import type { sessions, users } from '../../db/schema';

export type LiveSession = { session: typeof sessions.$inferSelect; user: typeof users.$inferSelect };

type Entry = { live: LiveSession; loadedAt: number };

/**
 * The sessions this app server has checked recently, by token hash, so a warm session costs no database round trip.
 * An entry lives `ttlMs` at most (then the session is read again); at most `maxEntries` are kept (the oldest go first).
 * The database tells every app server when to forget: a change of a user row (disabled, roles, binding, password,
 * TOTP …) or the end of one of their sessions notifies `tz_sessions` with the user's id (triggers of migration 0014),
 * and `forgetUser` drops that user's entries. While notifications may be missed (`healthy` false: PostgreSQL's
 * listening connection lost) nothing is cached. A read that started before a notification is not stored (the
 * generation changed meanwhile), so a stale row never outlives the change that replaced it.
 */
export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;
  private healthy = false;
  private readonly forgetListeners = new Set<(userId: string) => void>();

  constructor(
    readonly ttlMs = 30_000,
    readonly maxEntries = 10_000,
  ) {}

  /** The cached session, or undefined when absent or older than the TTL. */
  read(tokenHash: string, now: number): LiveSession | undefined {
    const entry = this.entries.get(tokenHash);
    if (!entry) return undefined;
    if (now - entry.loadedAt >= this.ttlMs) {
      this.entries.delete(tokenHash);
      return undefined;
    }
    return entry.live;
  }

  /** What `store` needs to know that nothing was forgotten while the row was read. */
  mark(): number {
    return this.generation;
  }

  store(tokenHash: string, live: LiveSession, mark: number, now: number) {
    if (!this.healthy || mark !== this.generation) return;
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(tokenHash, { live, loadedAt: now });
  }

  drop(tokenHash: string) {
    this.entries.delete(tokenHash);
  }

  /** A notification's payload: a user's id, or '*' for everyone. */
  forget(payload: string) {
    this.generation += 1;
    if (payload === '*') this.entries.clear();
    else for (const [hash, entry] of this.entries) if (entry.live.user.id === payload) this.entries.delete(hash);
    for (const listener of this.forgetListeners) listener(payload);
  }

  setHealthy(healthy: boolean) {
    if (!healthy) this.forget('*');
    this.healthy = healthy;
  }

  get size() {
    return this.entries.size;
  }

  /** Called with each notification handled (tests wait for another app server to have heard one). */
  onForget(listener: (payload: string) => void): () => void {
    this.forgetListeners.add(listener);
    return () => this.forgetListeners.delete(listener);
  }
}
