import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../test/harness';

/** The demo's training and 揭榜挂帅 records, counted from the stored rows and read through the API. */
let t: TestApp;
let office: Agent;
beforeAll(async () => {
  t = await createTestApp();
  office = await t.login('office');
});
afterAll(async () => t?.close());

const single = async (query: ReturnType<typeof sql>) => Number((await t.rows<{ value: number | string }>(query))[0].value);

describe('demo: skills training and 揭榜挂帅', () => {
  it('150+ managers trained with 清华大学 in programmes, each a talent of the registry', async () => {
    const managers = await single(sql`
      select count(distinct e.talent_id) as value from training_enrolments e join training_classes c on c.id = e.class_id join organisations p on p.id = c.provider_id
      where c.kind = 'programme' and p.name = '清华大学' and e.certificate_issued_on is not null`);
    expect(managers).toBeGreaterThanOrEqual(150);
  });

  it('the 人工智能训练师 order: certificates on the trainees’ profiles, placements at the ordering enterprise, fulfilment from the records', async () => {
    const orders = (await office.get('/api/training-orders', { query: { pageSize: '50' } })).json().items as { id: string; skill: string; enterprise: { id: string }; placed: number; headcount: number; fulfilmentRate: number }[];
    const order = orders.find((item) => item.skill === '人工智能训练师' && item.placed > 0)!;
    expect(order).toMatchObject({ headcount: 30, placed: 22, fulfilmentRate: 73 });
    const [placed] = await t.rows<{ talent_id: string; employer_id: string }>(sql`
      select e.talent_id, t.employer_id from training_enrolments e join training_classes c on c.id = e.class_id join talents t on t.id = e.talent_id
      where c.order_id = ${order.id} and e.placed_on is not null limit 1`);
    expect(placed.employer_id).toBe(order.enterprise.id);
    const profile = (await office.get(`/api/talents/${placed.talent_id}`)).json();
    expect(profile.certificates.map((row: { name: string }) => row.name)).toContain('人工智能训练师');
    const records = (await office.get('/api/training-records', { query: { talentId: placed.talent_id } })).json();
    expect(records[0]).toMatchObject({ certificateName: '人工智能训练师', certificateNumber: expect.stringMatching(/^PX2025/) });
    // the enterprise account (泵阀集团) sees its own order only
    const hr = await t.login('enterprise');
    const own = (await hr.get('/api/training-orders')).json().items as { skill: string }[];
    expect(own.map((item) => item.skill)).toEqual(['工业机器人运维']);
  });

  it('challenges on the tech-transfer themes, one awarded with dated milestones', async () => {
    const list = (await office.get('/api/challenges')).json();
    expect(list.items.map((item: { title: string }) => item.title).sort()).toEqual(['新型半导体功率器件封装散热', '超净滤材国产化替代', '钠离子电池正极材料循环寿命提升'].sort());
    const awarded = list.items.find((item: { status: string }) => item.status === 'awarded');
    const detail = (await office.get(`/api/challenges/${awarded.id}`)).json();
    expect(detail.proposalList.find((row: { status: string }) => row.status === 'awarded').organisationName).toBe('中国科学院物理研究所');
    expect(detail.milestones.map((row: { status: string }) => row.status)).toEqual(['done', 'inProgress', 'planned']);
    expect((await office.get('/api/challenges/board')).json()).toHaveLength(2);
  });
});
