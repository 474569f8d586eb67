import type { BoardItemKind, JointTaskOutcome, JointTaskStatus } from '../../../domain/coordination';
import { api, type Page } from '../../app/api';

type UnitRef = { id: string; name: string; nameEn: string };
export type JointTask = {
  id: string;
  title: string;
  owner: UnitRef;
  talent: { id: string; name: string } | null;
  enterprise: { id: string; name: string } | null;
  dueOn: string;
  workingDays: number | null;
  status: JointTaskStatus;
  overdue: boolean;
  helpersDone: number;
  helpersTotal: number;
  createdAt: string;
  version: number;
};
export type JointTaskDetail = JointTask & {
  description: string;
  createdBy: string;
  closingNote: string | null;
  closedAt: string | null;
  helpers: (UnitRef & { part: string; done: boolean; doneAt: string | null; doneBy: string | null; doneNote: string })[];
  notes: { id: number; notedOn: string; text: string; unit: { name: string; nameEn: string } | null; author: string; at: string }[];
  can: { note: boolean; close: boolean; reportParts: string[] };
};
export type JointTaskQuery = { status?: JointTaskStatus; unitId?: string; overdue?: 'true'; q?: string; page: number; pageSize: number };
export type JointTaskInput = {
  title: string; description: string; ownerUnitId: string; helpers: { unitId: string; part: string }[];
  talentId?: string | null; enterpriseId?: string | null; dueOn?: string | null; workingDays?: number | null;
};
export type Board = {
  enterprise: { id: string; name: string; industry: string | null; industryEn: string | null; chain: string | null };
  items: { kind: BoardItemKind; id: string; title: string; link: string; deadline: string | null; since: string | null; reasons: { text: string; textEn: string }[] }[];
};

export const fetchJointTasks = (query: JointTaskQuery) => api.get<Page<JointTask>>('/api/joint-tasks', query);
export const fetchJointTask = (id: string) => api.get<JointTaskDetail>(`/api/joint-tasks/${id}`);
export const createJointTask = (input: JointTaskInput) => api.post<JointTaskDetail>('/api/joint-tasks', input);
export const addJointTaskNote = (id: string, input: { text: string; notedOn?: string }) => api.post<JointTaskDetail>(`/api/joint-tasks/${id}/notes`, input);
export const reportJointTaskPart = (id: string, unitId: string, input: { done: boolean; note: string }) => api.put<JointTaskDetail>(`/api/joint-tasks/${id}/parts/${unitId}`, input);
export const closeJointTask = (id: string, input: { outcome: JointTaskOutcome; note: string; version: number }) => api.post<JointTaskDetail>(`/api/joint-tasks/${id}/close`, input);
export const fetchBoard = (enterpriseId?: string) => api.get<Board>('/api/board', { enterpriseId });
