import { describe, expect, it } from 'vitest';
import { noticeParams, renderNotice, type Notice } from './notices';

const examples: Notice[] = [
  { kind: 'review', params: { policy: '急需紧缺人才生活补贴', subject: '张三', event: 'submitted' } },
  { kind: 'review', params: { policy: '急需紧缺人才生活补贴', subject: '张三', event: 'advanced' } },
  { kind: 'review', params: { policy: '急需紧缺人才生活补贴', subject: '张三', event: 'resubmitted' } },
  { kind: 'returned', params: { policy: '急需紧缺人才生活补贴', comment: '请补充劳动合同' } },
  { kind: 'rejected', params: { policy: '急需紧缺人才生活补贴', comment: '不符合条件' } },
  { kind: 'approved', params: { policy: '急需紧缺人才生活补贴', amount: 1500, periodKind: 'monthly' } },
  { kind: 'overdue', params: { policy: '急需紧缺人才生活补贴', subject: '张三', step: '人社局初审' } },
  { kind: 'automatic', params: { policy: '博士后工作站进站奖励', amount: 50000, periodKind: 'oneOff' } },
  { kind: 'paid', params: { policy: '急需紧缺人才生活补贴', period: '2026-11', amount: 1500 } },
  { kind: 'serviceRequest', params: { policy: '子女入学咨询', subject: '张三', event: 'handled', comment: '已协调入学' } },
  { kind: 'poolNomination', params: { policy: '优秀年轻干部库', subject: '张三' } },
  { kind: 'poolDecision', params: { policy: '优秀年轻干部库', subject: '张三', admitted: true } },
  { kind: 'poolReview', params: { policy: '优秀年轻干部库', subject: '张三', due: '2027-03-01' } },
  { kind: 'selectionNomination', params: { policy: '2026年度科技创新企业家评选', subject: '张三' } },
  { kind: 'selectionReview', params: { policy: '2026年度科技创新企业家评选', count: 12 } },
  { kind: 'selectionResult', params: { policy: '2026年度科技创新企业家评选', subject: '张三', selected: true } },
  { kind: 'loan', params: { policy: '张三', stage: 'bankApproval', event: 'waiting', comment: '' } },
  { kind: 'executiveTerm', params: { policy: '张三', subject: '泵阀集团', termEnd: '2027-03-01' } },
  { kind: 'liaison', params: { policy: '李四', event: 'highRisk' } },
  { kind: 'jointTask', params: { policy: '引进人才家属随迁', subject: '人力资源和社会保障局', event: 'overdue', due: '2026-12-31' } },
];

describe('notifications in both languages', () => {
  it('every kind has a title and a body in Chinese and in English, with the values it names', () => {
    expect(new Set(examples.map((notice) => notice.kind))).toEqual(new Set(Object.keys(noticeParams)));
    for (const notice of examples) {
      const zh = renderNotice(notice.kind, notice.params, 'zh-CN')!;
      const en = renderNotice(notice.kind, notice.params, 'en-US')!;
      expect(zh.title).toContain(notice.params.policy);
      expect(en.title).toContain(notice.params.policy);
      expect(zh.body).not.toBe('');
      expect(en.body).not.toBe('');
      // English words around the names, Chinese ones around them in Chinese
      expect(en.title.replace(notice.params.policy, '')).not.toMatch(/[\u4e00-\u9fff]/);
      expect(zh.title.replace(notice.params.policy, '')).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('uses the source’s terms in Chinese', () => {
    expect(renderNotice('automatic', examples[7].params, 'zh-CN')).toEqual({ title: '已为您免申兑现：博士后工作站进站奖励', body: '一次性 50,000 元，无需申请；如不需要可放弃' });
    expect(renderNotice('returned', examples[3].params, 'zh-CN')).toEqual({ title: '申请被退回补正：急需紧缺人才生活补贴', body: '请补充劳动合同' });
    expect(renderNotice('review', examples[2].params, 'zh-CN')!.title).toBe('补正后待审核：急需紧缺人才生活补贴');
    expect(renderNotice('approved', examples[5].params, 'en-US')).toEqual({ title: 'Application approved: 急需紧缺人才生活补贴', body: '¥1,500 a month' });
    expect(renderNotice('paid', { policy: 'P', period: 'once', amount: 800 }, 'zh-CN')!.body).toBe('一次性 800 元');
  });

  it('cannot render a row without values or of an unknown kind (the stored texts are shown then)', () => {
    expect(renderNotice('returned', null, 'en-US')).toBeNull();
    expect(renderNotice('returned', { policy: 'P' }, 'en-US')).toBeNull();
    expect(renderNotice('somethingElse', { policy: 'P' }, 'en-US')).toBeNull();
    expect(renderNotice('toString', {}, 'en-US')).toBeNull();
  });
});
