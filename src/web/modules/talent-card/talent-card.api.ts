import type { CardCheckOutcome, CardPrivilegeKind, CardStatus } from '../../../domain/talent-card/card';
import { api, type Page } from '../../app/api';

export type TalentCard = {
  id: string;
  number: string;
  talentId: string;
  talentName: string;
  tier: string;
  tierName: string;
  tierNameEn: string;
  validUntil: string;
  issuedAt: string;
  revokedAt: string | null;
  revokedReason: string | null;
  status: CardStatus;
  version: number;
};
export type CardPrivilege = { kind: CardPrivilegeKind; detail: string; detailEn: string };
export type TierPrivilege = CardPrivilege & { tier: string };
export type MyCard = {
  card: TalentCard;
  privileges: CardPrivilege[];
  checks: { outcome: CardCheckOutcome; servicePoint: string | null; checkedAt: string }[];
  code: { text: string; url: string; qrCode: string; expiresAt: string; refreshAt: string } | null;
};
export type CardCheck = { outcome: CardCheckOutcome; holder: { name: string; tierName: string; tierNameEn: string } | null; checkedAt: string };
export type CardListQuery = { status?: CardStatus; q?: string; page: number; pageSize: number };

export const fetchMyCard = () => api.get<MyCard>('/api/talent-card');
export const checkCard = (input: { code: string; servicePoint?: string }) => api.post<CardCheck>('/api/talent-card/checks', input);
export const fetchCards = (query: CardListQuery) => api.get<Page<TalentCard>>('/api/talent-cards', query);
export const issueCard = (input: { talentId: string; validUntil: string }) => api.post<TalentCard>('/api/talent-cards', input);
export const issueAllCards = (input: { validUntil: string }) => api.post<{ issued: number }>('/api/talent-cards/issue-all', input);
export const revokeCard = (id: string, input: { reason: string; version: number }) => api.post<TalentCard>(`/api/talent-cards/${id}/revoke`, input);
export const fetchPrivileges = () => api.get<TierPrivilege[]>('/api/talent-card/privileges');
export const savePrivileges = (tier: string, privileges: CardPrivilege[]) => api.put<TierPrivilege[]>(`/api/talent-card/privileges/${tier}`, { privileges });
