import { useRef } from 'react';

/**
 * One Idempotency-Key per request body: the same body sent again (a double click, a retry after a lost answer) reuses
 * the key, so the server gives the answer it gave the first time — a refusal too, which it keeps with the key —; another
 * body (the request corrected after a refusal) is another request and gets a new key.
 */
export function useIdempotencyKey() {
  const last = useRef<{ body: string; key: string } | null>(null);
  return (body: unknown) => {
    const serialized = JSON.stringify(body);
    if (last.current?.body !== serialized) last.current = { body: serialized, key: crypto.randomUUID() };
    return last.current.key;
  };
}
