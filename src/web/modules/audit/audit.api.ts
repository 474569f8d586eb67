import { api, type Page } from '../../app/api';

export type AuditResult = 'success' | 'failure' | 'denied';
export const auditResults: readonly AuditResult[] = ['success', 'failure', 'denied'];

export type AuditEntry = {
  id: number;
  at: string;
  actorId: string | null;
  actorUsername: string | null;
  actorRole: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  changes: Record<string, unknown> | null;
  ip: string | null;
  result: AuditResult;
  detail: string | null;
};

export type AuditQuery = {
  page: number;
  pageSize: number;
  /** ISO instants with offset. */
  from?: string;
  to?: string;
  actor?: string;
  /** An action (`auth.login`) or a prefix (`auth` matches every `auth.*`). */
  action?: string;
  result?: AuditResult;
  targetType?: string;
  targetId?: string;
};

export const fetchAudit = (query: AuditQuery) => api.get<Page<AuditEntry>>('/api/audit', query);

export type ChainProblem = 'content' | 'link' | 'gap' | 'unsealed' | 'legacy';

/** The audit chain's verification: rows checked and the first broken link. */
export type ChainReport = {
  checked: number;
  legacyRows: number;
  intact: boolean;
  firstBroken: { id: number; seq: number | null; at: string; action: string; actorUsername: string | null; problem: ChainProblem } | null;
  lastSeq: number | null;
  lastHash: string | null;
};

export const verifyAudit = () => api.get<ChainReport>('/api/audit/verify');
