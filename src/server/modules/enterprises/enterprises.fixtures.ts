import { randomInt } from 'node:crypto';
import { creditCodeCheckCharacter, organisationCodeCheckCharacter } from '../../../domain/validators/credit-code';

/** For tests: a valid, fictitious unified social credit code (企业法人, 阳泉 area code), different on every call. */
export function uniqueCreditCode(): string {
  const organisation8 = String(randomInt(0, 100_000_000)).padStart(8, '0');
  const first17 = `91140300${organisation8}${organisationCodeCheckCharacter(organisation8)}`;
  return first17 + creditCodeCheckCharacter(first17);
}

/** For tests: a complete enterprise body for POST /api/enterprises. */
export const enterpriseBody = (overrides: Record<string, unknown> = {}) => ({
  name: `测试企业 ${randomInt(0, 1_000_000_000)}`,
  creditCode: uniqueCreditCode(),
  industry: 'newEnergyBattery',
  chainSegment: 'midstream',
  size: 'small',
  foundedOn: '2018-03-15',
  address: '阳泉市高新区示例路 1 号',
  contactName: '李联系',
  contactPhone: '13912345678',
  description: '钠离子电池材料',
  ...overrides,
});
