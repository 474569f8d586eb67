import type { sessions, users } from '../../db/schema';

export type LiveSession = { session: typeof sessions.$inferSelect; user: typeof users.$inferSelect };

type Entry = { live: LiveSession; loadedAt: number };

/**
 * The sessions this app server has checked recently, by token hash, so a warm session costs no database round trip.
 * An entry lives `ttlMs` at most (then the session is read again); at most `maxEntries` are kept (the oldest go first).
 * The database tells every app server when to forget: a change of a user row (disabled, roles, binding, password,
 * TOTP …) or the end of one of their sessions notifies `tz_sessions` with the user's id (triggers of migration 0014),
 * and `forgetUser` drops that user's entries. While notifications may be missed (`healthy` false: PostgreSQL's
 * listening connection lost) nothing is cached. A read that started before a notification about its user (or
 * everyone) is not stored, so a stale row never outlives the change that replaced it.
 */
export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;
  /** The payloads of the latest forgets, the last one being `generation`'s. */
  private readonly recent: string[] = [];
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
    if (!this.healthy || this.forgottenSince(mark, live.user.id)) return;
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(tokenHash, { live, loadedAt: now });
  }

  drop(tokenHash: string) {
    this.entries.delete(tokenHash);
  }

  /** Whether this user (or everyone) was forgotten after `mark`; past the memory of recent forgets, assume so. */
  private forgottenSince(mark: number, userId: string) {
    if (mark === this.generation) return false;
    if (this.generation - mark > this.recent.length) return true;
    return this.recent.slice(this.recent.length - (this.generation - mark)).some((payload) => payload === userId || payload === '*');
  }

  /** A notification's payload: a user's id, or '*' for everyone. */
  forget(payload: string) {
    this.generation += 1;
    this.recent.push(payload);
    if (this.recent.length > 256) this.recent.splice(0, this.recent.length - 256);
    if (payload === '*') this.entries.clear();
    else for (const [hash, entry] of this.entries) if (entry.live.user.id === payload) this.entries.delete(hash);
    for (const listener of this.forgetListeners) listener(payload);
  }

  setHealthy(healthy: boolean) {
    if (!healthy) this.forget('*');
    this.healthy = healthy;
  }

  /** Whether a session of this user is cached. */
  holds(userId: string) {
    for (const entry of this.entries.values()) if (entry.live.user.id === userId) return true;
    return false;
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
