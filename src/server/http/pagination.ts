import { z } from 'zod';

/** The one list pattern: `?page=&pageSize=` in, `{ items, total }` out. */
export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export type Page<T> = { items: T[]; total: number };
export const pageOf = <T>(items: T[], total: number): Page<T> => ({ items, total: Number(total) });

export const pageSchema = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() });
