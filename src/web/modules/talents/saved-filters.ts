import { useCallback, useState } from 'react';

/** A named set of list filters, kept as the address's query string (`status=flexibleService&education=doctorate`). */
export type SavedFilter = { name: string; query: string };

const storageKey = (userId: string) => `talentzone.savedFilters.talents.${userId}`;

function read(userId: string): SavedFilter[] {
  try {
    const value: unknown = JSON.parse(window.localStorage.getItem(storageKey(userId)) ?? '[]');
    if (!Array.isArray(value)) return [];
    return value.filter((entry): entry is SavedFilter => !!entry && typeof entry.name === 'string' && typeof entry.query === 'string');
  } catch {
    return [];
  }
}

function write(userId: string, filters: SavedFilter[]) {
  try {
    window.localStorage.setItem(storageKey(userId), JSON.stringify(filters));
  } catch {
    // private mode without storage: the list lasts for this page only
  }
}

/** The user's saved filter sets, in this browser (per user, so a shared computer keeps them apart). */
export function useSavedFilters(userId: string) {
  const [filters, setFilters] = useState<SavedFilter[]>(() => read(userId));
  const save = useCallback(
    (name: string, query: string) => {
      const next = [...read(userId).filter((entry) => entry.name !== name), { name, query }];
      write(userId, next);
      setFilters(next);
    },
    [userId],
  );
  const remove = useCallback(
    (name: string) => {
      const next = read(userId).filter((entry) => entry.name !== name);
      write(userId, next);
      setFilters(next);
    },
    [userId],
  );
  return { filters, save, remove };
}
