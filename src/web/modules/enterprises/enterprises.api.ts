import type { z } from 'zod';
import type { ChainSegment, EnterpriseSize } from '../../../domain/dictionaries';
import type { enterpriseInput, enterpriseUpdateInput } from '../../../domain/talent';
import { api, type Page } from '../../app/api';

type Named = { id: string; name: string };

export type EnterpriseSummary = {
  id: string;
  name: string;
  creditCode: string | null;
  industry: string | null;
  chainSegment: ChainSegment | null;
  park: Named | null;
  size: EnterpriseSize | null;
  foundedOn: string | null;
  address: string | null;
  contactName: string | null;
  /** Masked: 138****5678. */
  contactPhone: string | null;
  staff: number;
  staffInZone: number;
};

export type EnterpriseDetail = EnterpriseSummary & { description: string; version: number; createdAt: string; updatedAt: string; permissions: { edit: boolean } };

export type EnterpriseListQuery = { q?: string; industry?: string; chainSegment?: ChainSegment; parkId?: string; page: number; pageSize: number };
export type EnterprisePayload = z.input<typeof enterpriseInput>;
/** An update: fields left out keep their stored values (the contact phone is sent only to replace it). */
export type EnterpriseUpdatePayload = z.input<typeof enterpriseUpdateInput>;

export const fetchEnterprises = (query: EnterpriseListQuery) => api.get<Page<EnterpriseSummary>>('/api/enterprises', query);
export const fetchEnterprise = (id: string) => api.get<EnterpriseDetail>(`/api/enterprises/${id}`);
export const createEnterprise = (input: EnterprisePayload) => api.post<EnterpriseDetail>('/api/enterprises', input);
export const updateEnterprise = (id: string, input: EnterpriseUpdatePayload & { version: number }) => api.put<EnterpriseDetail>(`/api/enterprises/${id}`, input);

/** Enterprises by name or credit code, for pickers. */
export async function searchEnterprises(q: string): Promise<Named[]> {
  const page = await fetchEnterprises({ q: q || undefined, page: 1, pageSize: 20 });
  return page.items.map(({ id, name }) => ({ id, name }));
}
