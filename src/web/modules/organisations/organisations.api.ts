import type { OrganisationKind } from '../../../domain/dictionaries';
import { api, type Page } from '../../app/api';

export type Organisation = { id: string; kind: OrganisationKind; name: string; industry: string | null; description: string; staff: number };
export type Unit = { id: string; code: string; name: string; nameEn: string; duties: string; isResponsibleUnit: boolean; inServiceTeam: boolean };
export type OrganisationQuery = { kind?: OrganisationKind; q?: string; page: number; pageSize: number };

export const fetchOrganisations = (query: OrganisationQuery) => api.get<Page<Organisation>>('/api/organisations', query);
export const fetchUnits = () => api.get<Unit[]>('/api/units');
