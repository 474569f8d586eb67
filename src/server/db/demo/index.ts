import { count } from 'drizzle-orm';
import type { ArrivalRoute } from '../../../domain/dictionaries';
import type { Role } from '../../../domain/roles';
import type { Db } from '../client';
import { industries, organisations, talentTiers, units, users } from '../schema';
import { talentInput } from '../../../domain/talent';
import { idNumberCheckCharacter } from '../../../domain/validators/id-number';
import type { Secrets } from '../../security/secrets';
import { talentRecord } from '../../modules/talents/talents.service';
import { insertTalents } from '../../modules/talents/talents.repo';
import { demoIndustries, demoTiers, yangquanAreaCodes } from './reference';
import { hashPassword } from '../../modules/auth/auth.service';
import { recordAudit } from '../../modules/audit/audit.service';
import { demoOrganisations, demoUnits } from './organisations';
import { seededRandom, type Random } from './random';

export const demoPassword = 'Demo@2026';

export const demoAccounts: { username: string; displayName: string; roles: Role[]; description: string }[] = [
  { username: 'office', displayName: '人才办 张敏', roles: ['office'], description: '人才办工作人员 / talent office' },
  { username: 'talent', displayName: '', roles: ['talent'], description: '人才 / talent' },
  { username: 'enterprise', displayName: '泵阀集团人力资源部 刘洋', roles: ['enterprise'], description: '企业人力资源 / enterprise HR' },
  { username: 'department', displayName: '人社局 赵静', roles: ['department'], description: '责任单位工作人员 / department staff' },
  { username: 'leader', displayName: '领导干部 陈国强', roles: ['leader'], description: '领导干部 / leader' },
  { username: 'sysadmin', displayName: '系统管理员', roles: ['sysadmin'], description: '系统管理员 / system administrator' },
  { username: 'secadmin', displayName: '安全管理员', roles: ['secadmin'], description: '安全管理员 / security administrator' },
  { username: 'auditor', displayName: '审计管理员', roles: ['auditor'], description: '审计管理员 / auditor' },
];

const surnames = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗', '梁', '宋', '郑', '谢', '韩', '唐', '冯', '于', '董', '萧', '程', '曹', '袁', '邓', '许', '傅', '沈', '曾', '彭', '吕'];
const givenCharacters = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬飞鑫波斌宇浩凯健俊帆帅旭宁龙林欢阳建国晓东志海雪梅婷欣怡子轩浩然思远雨涵博文嘉豪';

function personName(random: Random) {
  const length = random.next() < 0.7 ? 2 : 1;
  let given = '';
  for (let index = 0; index < length; index += 1) given += random.pick([...givenCharacters]);
  return random.pick(surnames) + given;
}

/** A fictitious ID number with a Yangquan area code, a real birth date, the gender's parity and a valid check character. */
export function syntheticIdNumber(random: Random, gender: 'male' | 'female', birthYear: number) {
  const birth = `${birthYear}${String(random.integer(1, 12)).padStart(2, '0')}${String(random.integer(1, 28)).padStart(2, '0')}`;
  const sequence = random.integer(0, 49) * 10 + random.integer(0, 4) * 2 + (gender === 'male' ? 1 : 0);
  const first17 = `${random.pick(yangquanAreaCodes)}${birth}${String(sequence).padStart(3, '0')}`;
  return first17 + idNumberCheckCharacter(first17);
}

const isoDate = (year: number, month: number, day: number) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** True when the database holds no records yet (demo data is loaded once, on an empty database). */
export async function isEmpty(db: Db) {
  const [{ total }] = await db.select({ total: count() }).from(users);
  return total === 0;
}

/**
 * Loads the demo data set: units, the organisations named in the source, a first set of talents,
 * and the demo accounts (password `Demo@2026`). Deterministic: the same records on every machine.
 */
export async function loadDemoData(db: Db, secrets: Secrets) {
  const random = seededRandom(20261128);
  const passwordHashes = await Promise.all(demoAccounts.map(() => hashPassword(demoPassword)));
  await db.transaction(async (tx) => {
    await tx.insert(industries).values(demoIndustries);
    await tx.insert(talentTiers).values(demoTiers);
    const unitRows = await tx
      .insert(units)
      .values(demoUnits.map((unit) => ({ id: random.uuid(), code: unit.code, name: unit.name, nameEn: unit.nameEn, duties: unit.duties, isResponsibleUnit: unit.responsible, inServiceTeam: unit.serviceTeam })))
      .returning();
    const organisationRows = await tx
      .insert(organisations)
      .values(demoOrganisations.map((organisation) => ({ id: random.uuid(), kind: organisation.kind, name: organisation.name, industry: organisation.industry ?? null, description: organisation.description ?? '' })))
      .returning();

    const pumpGroup = organisationRows.find((row) => row.name === '泵阀集团')!;
    const employers = organisationRows.filter((row) => row.kind === 'enterprise' || row.kind === 'team' || row.kind === 'researchInstitute');
    const routes: ArrivalRoute[] = ['civilService', 'marketHire', 'flexible', 'localTraining', 'selfArrived'];
    const records = Array.from({ length: 40 }, (_, index) => {
      const arrivalRoute = routes[index % routes.length];
      const gender = random.next() < 0.55 ? ('male' as const) : ('female' as const);
      // the demo enterprise account (泵阀集团) has a handful of staff to show
      const employer = index < 6 ? pumpGroup : random.pick(employers);
      const graduationYear = random.integer(2005, 2024);
      const input = talentInput.parse({
        name: personName(random),
        idNumber: syntheticIdNumber(random, gender, random.integer(1970, 2000)),
        ethnicity: '汉族',
        nativePlace: '140300',
        phone: `13${random.integer(5, 9)}${String(random.integer(0, 99999999)).padStart(8, '0')}`,
        educations: [{ level: random.pick(['doctorate', 'master', 'bachelor'] as const), school: random.pick(['太原理工大学', '山西大学', '中北大学', '清华大学']), major: random.pick(['材料科学与工程', '计算机科学与技术', '化学工程', '机械工程']), graduationYear }],
        employerId: employer.id,
        post: random.pick(['工程师', '研发主管', '技术员', '项目经理']),
        industry: employer.industry ?? 'modernServices',
        arrivalRoute,
        arrivedOn: isoDate(random.integer(2019, 2026), random.integer(1, 10), random.integer(1, 28)),
        status: arrivalRoute === 'flexible' ? 'flexibleService' : index % 13 === 12 ? 'left' : 'inZone',
      });
      return talentRecord(input, secrets, employer.name);
    });
    const talentRows = await insertTalents(tx, records, null);

    const humanResources = unitRows.find((row) => row.code === 'U07')!;
    const demoTalent = talentRows.find((row) => row.employerId === pumpGroup.id && row.status === 'inZone') ?? talentRows[0];
    const system = { userId: null, username: 'system', role: null, ip: null };
    for (const [index, account] of demoAccounts.entries()) {
      const [row] = await tx
        .insert(users)
        .values({
          id: random.uuid(),
          username: account.username,
          displayName: account.displayName || demoTalent.name,
          passwordHash: passwordHashes[index],
          roles: account.roles,
          talentId: account.roles.includes('talent') ? demoTalent.id : null,
          organisationId: account.roles.includes('enterprise') ? pumpGroup.id : null,
          unitId: account.roles.includes('department') ? humanResources.id : null,
        })
        .returning();
      await recordAudit(tx, system, { action: 'demo.createAccount', targetType: 'user', targetId: row.id, changes: { username: row.username, roles: row.roles } });
    }
    await recordAudit(tx, system, {
      action: 'demo.load',
      changes: { units: unitRows.length, organisations: organisationRows.length, talents: talentRows.length, accounts: demoAccounts.length },
    });
  });
}
