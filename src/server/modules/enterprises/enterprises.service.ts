import { enterpriseInput, type EnterpriseInput, type EnterpriseUpdateInput } from '../../../domain/talent';
import { maskPhone } from '../../../domain/validators/phone';
import type { Db, Executor } from '../../db/client';
import { AppError, invalid, notFound, type FieldProblem } from '../../errors';
import type { Actor, SessionUser } from '../../plugins/auth';
import type { Secrets } from '../../security/secrets';
import { diff, recordAudit } from '../audit/audit.service';
import { problemsOfIssues } from '../talents/talents.service';
import { findIndustry } from '../reference/reference.repo';
import { enterpriseReadScope, enterpriseWriteScope } from './enterprises.policies';
import {
  findByCreditCode, findEnterprise, findEnterpriseByName, findPark, insertEnterprises, listEnterprises, updateEnterpriseRow,
  type EnterpriseFilters, type EnterpriseSort, type EnterpriseValues, type ListedEnterprise, type OrganisationRow,
} from './enterprises.repo';

/** The fields of an enterprise as its input names them, every optional one null when empty: compared for the audit diff. */
type EnterpriseFields = {
  name: string;
  creditCode: string;
  industry: string;
  chainSegment: EnterpriseInput['chainSegment'];
  parkId: string | null;
  size: EnterpriseInput['size'];
  foundedOn: string | null;
  address: string | null;
  contactName: string | null;
  contactPhone: string | null;
  description: string;
};

const fieldsOfInput = (input: EnterpriseInput): EnterpriseFields => ({
  name: input.name,
  creditCode: input.creditCode,
  industry: input.industry,
  chainSegment: input.chainSegment ?? null,
  parkId: input.parkId ?? null,
  size: input.size ?? null,
  foundedOn: input.foundedOn ?? null,
  address: input.address || null,
  contactName: input.contactName || null,
  contactPhone: input.contactPhone ?? null,
  description: input.description,
});

const fieldsOfRow = (row: OrganisationRow, secrets: Secrets): Record<string, unknown> => ({
  name: row.name,
  creditCode: row.creditCode,
  industry: row.industry,
  chainSegment: row.chainSegment,
  parkId: row.parkId,
  size: row.size,
  foundedOn: row.foundedOn,
  address: row.address,
  contactName: row.contactName,
  contactPhone: row.contactPhoneCipher ? secrets.decrypt(row.contactPhoneCipher) : null,
  description: row.description,
});

/** The stored form of an enterprise: the contact phone encrypted, with its masked form for lists. */
export function enterpriseValues(input: EnterpriseInput, secrets: Secrets): EnterpriseValues {
  const { contactPhone, ...fields } = fieldsOfInput(input);
  return {
    ...fields,
    contactPhoneCipher: contactPhone ? secrets.encrypt(contactPhone) : null,
    contactPhoneMasked: contactPhone ? maskPhone(contactPhone) : null,
  };
}

/**
 * Checks what the schema cannot: an active industry of the list, a park that is a platform, a credit code and a name no
 * other enterprise holds. On an update (`current`), an industry the office has since deactivated stays valid for the
 * enterprise that already has it, as for talents.
 */
export async function enterpriseProblems(executor: Executor, input: EnterpriseInput, current?: OrganisationRow) {
  const problems: Record<string, FieldProblem> = {};
  const excludeId = current?.id;
  const keptIndustry = current !== undefined && input.industry === current.industry;
  if (!keptIndustry && !(await findIndustry(executor, input.industry))?.active) problems.industry = { code: 'reference.unknown' };
  if (input.parkId && !(await findPark(executor, input.parkId))) problems.parkId = { code: 'reference.unknown' };
  const holder = await findByCreditCode(executor, input.creditCode, excludeId);
  if (holder) problems.creditCode = { code: 'creditCode.duplicate', params: { name: holder.name } };
  if (await findEnterpriseByName(executor, input.name, excludeId)) problems.name = { code: 'enterprise.nameTaken' };
  return problems;
}

export function presentEnterpriseSummary({ enterprise, parkName, staff, staffInZone }: ListedEnterprise) {
  return {
    id: enterprise.id,
    name: enterprise.name,
    creditCode: enterprise.creditCode,
    industry: enterprise.industry,
    chainSegment: enterprise.chainSegment,
    park: enterprise.parkId && parkName ? { id: enterprise.parkId, name: parkName } : null,
    size: enterprise.size,
    foundedOn: enterprise.foundedOn,
    address: enterprise.address,
    contactName: enterprise.contactName,
    contactPhone: enterprise.contactPhoneMasked,
    staff: Number(staff),
    staffInZone: Number(staffInZone),
  };
}

export type EnterpriseListInput = { page: number; pageSize: number; sort?: EnterpriseSort } & EnterpriseFilters;

export async function listEnterpriseSummaries(executor: Executor, user: SessionUser, input: EnterpriseListInput) {
  const { page, pageSize, sort, ...filters } = input;
  const result = await listEnterprises(executor, { page, pageSize, sort: sort ?? 'name', filters }, enterpriseReadScope(user));
  return { items: result.items.map(presentEnterpriseSummary), total: result.total };
}

export async function enterpriseDetail(executor: Executor, user: SessionUser, id: string) {
  const found = await findEnterprise(executor, id, enterpriseReadScope(user));
  if (!found) throw notFound();
  const writable = Boolean(await findEnterprise(executor, id, enterpriseWriteScope(user)));
  return {
    ...presentEnterpriseSummary(found),
    description: found.enterprise.description,
    version: found.enterprise.version,
    createdAt: found.enterprise.createdAt.toISOString(),
    updatedAt: found.enterprise.updatedAt.toISOString(),
    permissions: { edit: writable },
  };
}

export async function createEnterprise(db: Db, secrets: Secrets, actor: Actor, user: SessionUser, input: EnterpriseInput) {
  const problems = await enterpriseProblems(db, input);
  if (Object.keys(problems).length) throw invalid(problems);
  return db.transaction(async (tx) => {
    // the unique indexes (credit code; kind and name) settle a race between two creators: 409
    const [row] = await insertEnterprises(tx, [enterpriseValues(input, secrets)]);
    await recordAudit(tx, actor, { action: 'enterprise.create', targetType: 'enterprise', targetId: row.id, changes: { ...fieldsOfInput(input) } });
    return enterpriseDetail(tx, user, row.id);
  });
}

/** The stored enterprise as the input that would save it unchanged (the contact phone decrypted). */
function storedEnterpriseInput(row: OrganisationRow, secrets: Secrets) {
  return {
    name: row.name,
    creditCode: row.creditCode,
    industry: row.industry,
    chainSegment: row.chainSegment,
    parkId: row.parkId,
    size: row.size,
    foundedOn: row.foundedOn,
    address: row.address,
    contactName: row.contactName,
    contactPhone: row.contactPhoneCipher ? secrets.decrypt(row.contactPhoneCipher) : null,
    description: row.description,
  };
}

/** A field the update leaves out keeps its stored value (the client sees the contact phone masked only); null clears it. */
export async function updateEnterprise(db: Db, secrets: Secrets, actor: Actor, user: SessionUser, id: string, body: EnterpriseUpdateInput & { version: number }) {
  const { version, ...update } = body;
  return db.transaction(async (tx) => {
    const found = await findEnterprise(tx, id, enterpriseWriteScope(user));
    if (!found) throw notFound();
    const sent = Object.fromEntries(Object.entries(update).filter(([, value]) => value !== undefined));
    // the whole record after the update passes the same schema as a new one
    const parsed = enterpriseInput.safeParse({ ...storedEnterpriseInput(found.enterprise, secrets), ...sent }, { reportInput: true });
    if (!parsed.success) throw invalid(problemsOfIssues(parsed.error.issues));
    const input = parsed.data;
    const problems = await enterpriseProblems(tx, input, found.enterprise);
    if (Object.keys(problems).length) throw invalid(problems);
    if (found.enterprise.version !== version) throw new AppError(409, 'conflict');
    const changes = diff(fieldsOfRow(found.enterprise, secrets), fieldsOfInput(input));
    if (Object.keys(changes).length === 0) return enterpriseDetail(tx, user, id);
    const row = await updateEnterpriseRow(tx, id, version, enterpriseValues(input, secrets));
    if (!row) throw new AppError(409, 'conflict');
    await recordAudit(tx, actor, { action: 'enterprise.update', targetType: 'enterprise', targetId: id, changes });
    return enterpriseDetail(tx, user, id);
  });
}
