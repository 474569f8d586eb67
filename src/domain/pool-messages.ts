/** Server messages of the reserve talent pools (后备人才库), merged into domain/i18n.ts. */
export const poolErrorMessages = {
  poolNominator: { 'zh-CN': '您所在的单位类型不能向该人才库推荐人选', 'en-US': 'Your kind of organisation may not nominate into this pool' },
  poolMemberExists: { 'zh-CN': '该人才已在此人才库中（或推荐待审核）', 'en-US': 'This talent is already in this pool (or nominated to it)' },
  poolMemberState: { 'zh-CN': '当前状态（{status}）下不能执行此操作，请刷新后查看', 'en-US': 'This cannot be done in the current status ({status}); reload to see it' },
  poolStale: { 'zh-CN': '该记录已被他人修改，请刷新后重试', 'en-US': 'Someone else changed this record; reload and try again' },
};

export const poolFieldMessages = {
  'pool.inactive': { 'zh-CN': '该人才库已停用', 'en-US': 'this pool is no longer in use' },
  'pool.codeTaken': { 'zh-CN': '已有相同代码的人才库', 'en-US': 'another pool has this code' },
  'pool.talentLeft': { 'zh-CN': '该人才已不在区内，不能推荐入库', 'en-US': 'this talent is no longer in the zone and cannot be nominated' },
  'pool.scoreRequired': { 'zh-CN': '入库须填写考察评分（0–100）', 'en-US': 'admitting needs an assessment score (0–100)' },
  'pool.opinionRequired': { 'zh-CN': '请填写意见或原因', 'en-US': 'give an opinion or a reason' },
};

export const poolFieldLabels = {
  poolId: { 'zh-CN': '人才库', 'en-US': 'Pool' },
  talentId: { 'zh-CN': '人才', 'en-US': 'Talent' },
  nominators: { 'zh-CN': '推荐单位类型', 'en-US': 'Who may nominate' },
  reviewMonths: { 'zh-CN': '复核周期（月）', 'en-US': 'Review cycle (months)' },
  decision: { 'zh-CN': '操作', 'en-US': 'Action' },
  score: { 'zh-CN': '考察评分', 'en-US': 'Assessment score' },
  opinion: { 'zh-CN': '意见', 'en-US': 'Opinion' },
  descriptionEn: { 'zh-CN': '英文说明', 'en-US': 'Description (English)' },
};

/** Labels that mean something else elsewhere (`reason` is a look-up's reason, `name` a talent's name). */
export const poolScopedLabels = {
  code: { 'zh-CN': '人才库代码', 'en-US': 'Pool code' },
  name: { 'zh-CN': '人才库名称', 'en-US': 'Pool name' },
  nameEn: { 'zh-CN': '英文名称', 'en-US': 'English name' },
  description: { 'zh-CN': '说明', 'en-US': 'Description' },
  reason: { 'zh-CN': '推荐理由', 'en-US': 'Reason for the nomination' },
};
