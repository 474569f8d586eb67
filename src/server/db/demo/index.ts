import { recordAudit } from '../../modules/audit/audit.service';
import { useAuditChain } from '../../modules/audit/audit.chain';
import { hashPassword } from '../../modules/auth/auth.service';
import { isAdminRole } from '../../../domain/roles';
import { nameSortKey } from '../../search/segment';
import type { Secrets } from '../../security/secrets';
import type { Db } from '../client';
import { industries, organisations, talentTiers, units, users } from '../schema';
import { demoPlan } from './plan';
import { storeTalentCards } from './cards';
import { storeReservePools } from './pools';
import { storeSelections } from './selections';
import { seededRandom, seedOf } from './random';
import { storePolicies } from './policies';
import { storeServiceRequests } from './service-requests';
import { storeApartments } from './apartments';
import { storeLoans } from './loans';
import { storeTitleEvaluations } from './title-evaluations';
import { storeDemands } from './demands';
import { storeGrowth } from './growth';
import { storeCooperation } from './cooperation';
import { storeChainProfiles } from './analytics';
import { storeTalentHistory } from './history';
import { storeJointTasks } from './coordination';
import { demoIndustries, demoTiers } from './reference';
import { storeEnterprises, storeTalents } from './store';
import { systemActor } from '../../plugins/auth';
import { demoAccounts, demoPassword, demoReviewUnits, demoTotpSecret } from './accounts';

export { demoPlan } from './plan';
export { isEmpty } from '../prepare';
export { demoAccounts, demoPassword, demoReviewUnits, demoTotpSecret } from './accounts';
export { syntheticIdNumber } from './people';

/**
 * Loads the demo data set (`demoPlan`): units, the organisations named in the source, the ten resident teams, the 19
 * partner universities, 153 enterprises, 2,000 talents whose arrival routes reproduce the source's figures, and the
 * demo accounts (password `Demo@2026`; the administrators with the TOTP secret `demoTotpSecret`). Deterministic: the same
 * records on every machine, except that applications still under way are dated back from `today` (the load day), since
 * review time limits run on the clock. One transaction.
 */
export async function loadDemoData(db: Db, secrets: Secrets, today = new Date()) {
  useAuditChain(secrets);
  // argon2 runs on the thread pool while the plan is computed
  const hashing = Promise.all(demoAccounts.map(() => hashPassword(demoPassword)));
  const plan = demoPlan();
  const accountIds = seededRandom(seedOf('demo:accounts'));
  const passwordHashes = await hashing;
  await db.transaction(async (tx) => {
    await tx.insert(industries).values(demoIndustries);
    await tx.insert(talentTiers).values(demoTiers);
    const unitRows = await tx
      .insert(units)
      .values(plan.units.map((unit) => ({ id: unit.id, code: unit.code, name: unit.name, nameEn: unit.nameEn, duties: unit.duties, isResponsibleUnit: unit.responsible, inServiceTeam: unit.serviceTeam })))
      .returning();
    // platforms first: enterprises refer to their park
    await tx.insert(organisations).values(plan.organisations.map((organisation) => ({ ...organisation, nameSortKey: nameSortKey(organisation.name) })));
    const enterpriseRows = await storeEnterprises(tx, secrets, plan.enterprises);
    const talents = await storeTalents(tx, secrets, plan.talents);

    const pumpGroup = enterpriseRows.find((row) => row.name === '泵阀集团')!;
    const accountTalent = plan.talents.find((talent) => talent.id === plan.accountTalent)!;
    // the department accounts: one for each unit a demo policy's review steps reach (each unit reviews its own policies)
    const unitOfAccount: Record<string, string> = demoReviewUnits;
    const unitIds = new Map(unitRows.map((row) => [row.code, row.id]));
    const accounts = new Map<string, string>();
    for (const [index, account] of demoAccounts.entries()) {
      const [row] = await tx
        .insert(users)
        .values({
          id: accountIds.uuid(),
          username: account.username,
          displayName: account.displayName || accountTalent.input.name,
          passwordHash: passwordHashes[index],
          roles: account.roles,
          talentId: account.roles.includes('talent') ? accountTalent.id : null,
          organisationId: account.roles.includes('enterprise') ? pumpGroup.id : null,
          unitId: account.roles.includes('department') ? unitIds.get(unitOfAccount[account.username])! : null,
          ...(account.roles.some(isAdminRole) ? { totpSecret: secrets.encrypt(demoTotpSecret), totpEnabledAt: new Date() } : {}),
        })
        .returning();
      accounts.set(account.username, row.id);
      await recordAudit(tx, systemActor, { action: 'demo.createAccount', targetType: 'user', targetId: row.id, changes: { username: row.username, roles: row.roles } });
    }
    const ledger = await storePolicies(tx, {
      unitIds,
      officeUserId: accounts.get('office')!,
      reviewerIds: new Map(Object.entries(unitOfAccount).map(([username, code]) => [code, accounts.get(username)!])),
      accountTalentId: accountTalent.id,
      talentUserId: accounts.get('talent')!,
      today,
    });
    const serviceRequests = await storeServiceRequests(tx, {
      unitIds,
      officeUserId: accounts.get('office')!,
      reviewerIds: new Map(Object.entries(unitOfAccount).map(([username, code]) => [code, accounts.get(username)!])),
      accountTalentId: accountTalent.id,
      talentUserId: accounts.get('talent')!,
      enterpriseId: pumpGroup.id,
      enterpriseUserId: accounts.get('enterprise')!,
      today,
    });
    await storeApartments(tx, { accountTalentId: accountTalent.id, housingUserId: accounts.get('housing')!, housingUnitId: unitIds.get('U10')!, today });
    const loans = await storeLoans(tx, { unitIds, officeUserId: accounts.get('office')!, reviewerIds: new Map(Object.entries(unitOfAccount).map(([username, code]) => [code, accounts.get(username)!])), today });
    const recruitment = await storeDemands(tx, secrets, { officeUserId: accounts.get('office')!, enterpriseId: pumpGroup.id });
    const growth = await storeGrowth(tx, { officeUserId: accounts.get('office')!, reviewerUserIds: [accounts.get('science')!, accounts.get('economy')!], enterpriseId: pumpGroup.id, today });
    const cooperation = await storeCooperation(tx);
    await storeChainProfiles(tx);
    const titleEvaluations = await storeTitleEvaluations(tx, { today, officeUserId: accounts.get('office')!, enterpriseUserId: accounts.get('enterprise')! });
    const history = await storeTalentHistory(tx, { talents: plan.talents, leaderUserId: accounts.get('leader')!, officeUserId: accounts.get('office')!, enterpriseIds: enterpriseRows.map((row) => row.id) });
    const { cards } = await storeTalentCards(tx, { today, officeUserId: accounts.get('office')!, checkerUserId: accounts.get('department')!, accountTalentId: accountTalent.id });
    const pools = await storeReservePools(tx, {
      today,
      officeUserId: accounts.get('office')!,
      enterpriseId: pumpGroup.id,
      enterpriseUserId: accounts.get('enterprise')!,
      unitNominators: Object.entries(unitOfAccount).map(([username, code]) => ({ unitId: unitIds.get(code)!, userId: accounts.get(username)! })),
    });
    const coordination = await storeJointTasks(tx, { today, unitIds, officeUserId: accounts.get('office')!, enterpriseId: pumpGroup.id, unitUserIds: new Map(Object.entries(unitOfAccount).map(([username, code]) => [code, accounts.get(username)!])) });
    const selectionCounts = await storeSelections(tx, {
      today, officeUserId: accounts.get('office')!, enterpriseId: pumpGroup.id, enterpriseUserId: accounts.get('enterprise')!, expertUserId: accounts.get('science')!,
      unitNominators: Object.entries(unitOfAccount).map(([username, code]) => ({ unitId: unitIds.get(code)!, userId: accounts.get(username)! })),
    });
    await recordAudit(tx, systemActor, {
      action: 'demo.load',
      changes: {
        units: unitRows.length, organisations: plan.organisations.length + enterpriseRows.length, enterprises: enterpriseRows.length, talents, accounts: demoAccounts.length, cards,
        ...ledger, serviceRequests, ...loans, ...titleEvaluations, recruitment, ...growth, cooperation, history, ...pools, ...coordination, ...selectionCounts,
      },
    });
  });
}
