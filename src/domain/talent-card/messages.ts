/** Server messages of the talent card, merged into domain/i18n.ts. */
export const cardErrorMessages = {
  cardNoTier: { 'zh-CN': '该人才尚未认定人才类别，不能发放人才卡', 'en-US': 'This talent has no recognised tier, so no card can be issued' },
  cardExists: { 'zh-CN': '该人才已有有效的人才卡（{number}），如需换发请先注销', 'en-US': 'This talent already holds a valid card ({number}); revoke it first to issue a new one' },
  cardRevoked: { 'zh-CN': '该人才卡已注销', 'en-US': 'This card has been revoked' },
  cardNone: { 'zh-CN': '您还没有人才卡：人才类别认定后，由人才办发放', 'en-US': 'You have no talent card yet: the talent office issues one once your tier is recognised' },
};

export const cardFieldMessages = {
  'card.validUntil': { 'zh-CN': '须晚于今天，且不超过 5 年', 'en-US': 'must be after today and within 5 years' },
};

export const cardFieldLabels = {
  validUntil: { 'zh-CN': '有效期至', 'en-US': 'Valid until' },
  servicePoint: { 'zh-CN': '服务网点', 'en-US': 'Service point' },
  privileges: { 'zh-CN': '权益', 'en-US': 'Privileges' },
  detail: { 'zh-CN': '说明', 'en-US': 'Details' },
};

/** Labels that mean something else elsewhere (`code` is a policy's number, `reason` a look-up's reason). */
export const cardScopedLabels = {
  code: { 'zh-CN': '人才卡码', 'en-US': 'Card code' },
  reason: { 'zh-CN': '注销原因', 'en-US': 'Reason for revoking' },
};
