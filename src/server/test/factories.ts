import { randomBytes, randomUUID } from 'node:crypto';
import { isAdminRole, type Role } from '../../domain/roles';
import { demoTotpSecret } from '../db/demo';
import type { Executor } from '../db/client';
import { talentInput, type TalentInput } from '../../domain/talent';
import { idNumberCheckCharacter } from '../../domain/validators/id-number';
import { organisations, units, users } from '../db/schema';
import { insertTalents } from '../modules/talents/talents.repo';
import { talentRecord } from '../modules/talents/talents.service';
import { createSecrets } from '../security/secrets';
import { testSecret } from './template';
import { hashPassword } from '../modules/auth/auth.service';

/**
 * Factories make their own rows (and the rows those need), with unique names, so tests never share data with each
 * other or depend on the demo records.
 */
export const uniqueSuffix = () => randomBytes(4).toString('hex');

/** A password that passes the password rule. */
export const factoryPassword = 'Factory#2026pw';

let cachedHash: Promise<string> | undefined;
/** Hashing costs tens of milliseconds: users made with the default password share one hash. */
const factoryPasswordHash = () => (cachedHash ??= hashPassword(factoryPassword));

export async function buildUnit(executor: Executor, overrides: Partial<typeof units.$inferInsert> = {}) {
  const suffix = uniqueSuffix();
  const [row] = await executor
    .insert(units)
    .values({ id: randomUUID(), code: `T-${suffix}`, name: `测试单位 ${suffix}`, nameEn: `Test unit ${suffix}`, isResponsibleUnit: true, inServiceTeam: true, ...overrides })
    .returning();
  return row;
}

export async function buildOrganisation(executor: Executor, overrides: Partial<typeof organisations.$inferInsert> = {}) {
  const suffix = uniqueSuffix();
  const [row] = await executor
    .insert(organisations)
    .values({ id: randomUUID(), kind: 'enterprise', name: `测试企业 ${suffix}`, industry: 'digitalEconomy', ...overrides })
    .returning();
  return row;
}

let idCounter = 0;
/**
 * A valid, fictitious ID number, different on every call within a test file (Yangquan 城区, born 1960: the demo
 * data's talents are born 1970–2000, so no clash with the template either).
 */
export function uniqueIdNumber(gender: 'male' | 'female' = 'female') {
  const n = idCounter++;
  const month = String(1 + (n % 12)).padStart(2, '0');
  const day = String(1 + (Math.floor(n / 12) % 28)).padStart(2, '0');
  const sequence = (Math.floor(n / 336) % 500) * 2 + (gender === 'male' ? 1 : 0);
  const first17 = `1403021960${month}${day}${String(sequence).padStart(3, '0')}`;
  return first17 + idNumberCheckCharacter(first17);
}

/** A talent, stored as the service stores one (encrypted identity, search words); without `employerId` it gets an enterprise of its own. */
export async function buildTalent(executor: Executor, overrides: Partial<TalentInput> = {}) {
  const employerId = overrides.employerId === undefined ? (await buildOrganisation(executor)).id : overrides.employerId;
  const input = talentInput.parse({
    name: `测试人才${uniqueSuffix()}`,
    idNumber: uniqueIdNumber(),
    arrivalRoute: 'marketHire',
    arrivedOn: '2024-05-01',
    status: 'inZone',
    ...overrides,
    employerId,
  });
  const [row] = await insertTalents(executor, [talentRecord(input, createSecrets(testSecret), null)], null);
  return row;
}

export type BuiltUser = typeof users.$inferSelect & { password: string };

/**
 * A user (default role: office). Roles that need a binding get a record of their own unless the override names one.
 * `password` sets the password (hashed here); the returned row carries it in clear for signing in.
 */
export async function buildUser(executor: Executor, overrides: Partial<typeof users.$inferInsert> & { password?: string } = {}): Promise<BuiltUser> {
  const { password = factoryPassword, ...values } = overrides;
  const roles: Role[] = values.roles ?? ['office'];
  const talentId = values.talentId !== undefined ? values.talentId : roles.includes('talent') ? (await buildTalent(executor)).id : null;
  const organisationId =
    values.organisationId !== undefined ? values.organisationId : roles.includes('enterprise') ? (await buildOrganisation(executor)).id : null;
  const unitId = values.unitId !== undefined ? values.unitId : roles.includes('department') ? (await buildUnit(executor)).id : null;
  const passwordHash = password === factoryPassword ? await factoryPasswordHash() : await hashPassword(password);
  const suffix = uniqueSuffix();
  // administrators sign in with TOTP: enrolled with the demo secret, whose codes the harness's login computes
  const secondFactor = roles.some(isAdminRole) ? { totpSecret: createSecrets(testSecret).encrypt(demoTotpSecret), totpEnabledAt: new Date() } : {};
  const [row] = await executor
    .insert(users)
    .values({ id: randomUUID(), username: `user_${suffix}`, displayName: `测试用户 ${suffix}`, passwordHash, ...secondFactor, ...values, roles, talentId, organisationId, unitId })
    .returning();
  return { ...row, password };
}
