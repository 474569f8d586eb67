import { count } from 'drizzle-orm';
import type { ArrivalRoute } from '../../../domain/dictionaries';
import type { Role } from '../../../domain/roles';
import type { Db } from '../client';
import { organisations, talents, units, users } from '../schema';
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
export async function loadDemoData(db: Db) {
  const random = seededRandom(20261128);
  const passwordHashes = await Promise.all(demoAccounts.map(() => hashPassword(demoPassword)));
  await db.transaction(async (tx) => {
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
    const talentRows = await tx
      .insert(talents)
      .values(
        Array.from({ length: 40 }, (_, index) => {
          const arrivalRoute = routes[index % routes.length];
          return {
            id: random.uuid(),
            name: personName(random),
            gender: random.next() < 0.55 ? ('male' as const) : ('female' as const),
            // the demo enterprise account (泵阀集团) has a handful of staff to show
            employerId: index < 6 ? pumpGroup.id : random.pick(employers).id,
            arrivalRoute,
            arrivedOn: isoDate(random.integer(2019, 2026), random.integer(1, 12), random.integer(1, 28)),
            status: arrivalRoute === 'flexible' ? ('flexibleService' as const) : index % 13 === 12 ? ('left' as const) : ('inZone' as const),
          };
        }),
      )
      .returning();

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
