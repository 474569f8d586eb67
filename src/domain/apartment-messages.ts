/** Server messages of talent apartments (人才公寓), in both languages; merged into i18n.ts. */
type Bilingual = Record<'zh-CN' | 'en-US', string>;

export const apartmentErrorMessages = {
  // placeholders ending in Zh/En carry a value in each language (inBothLanguages)
  apartmentNotEligible: { 'zh-CN': '不符合人才公寓申请条件：{reasonsZh}', 'en-US': 'Not eligible for a talent apartment: {reasonsEn}' },
  apartmentMissingData: { 'zh-CN': '资料不全，无法判断是否符合人才公寓申请条件，请先补充：{factsZh}', 'en-US': 'Eligibility for a talent apartment cannot be decided; first complete: {factsEn}' },
  apartmentPolicyMissing: { 'zh-CN': '人才公寓政策未发布，暂不受理申请', 'en-US': 'The talent apartment policy is not published; applications are not accepted' },
  apartmentApplicationOpen: { 'zh-CN': '您已有一件在办或在轮候的人才公寓申请，或已入住人才公寓', 'en-US': 'You already have an open or waiting apartment application, or an apartment' },
  apartmentNotTalent: { 'zh-CN': '只有人才本人可以申请人才公寓', 'en-US': 'Only a talent may apply for an apartment' },
  apartmentUnitTaken: { 'zh-CN': '该房源已被分配或不再空置，请刷新后选择其他房源', 'en-US': 'This apartment has just been allocated or is no longer vacant; reload and choose another' },
  apartmentNotWaiting: { 'zh-CN': '该申请不在轮候中（尚未审核通过，或已分配房源）', 'en-US': 'This application is not waiting (not approved yet, or already allocated)' },
  apartmentStale: { 'zh-CN': '记录已被他人修改，请刷新后重试', 'en-US': 'The record was changed by someone else; reload and try again' },
  apartmentLeaseState: { 'zh-CN': '租约当前状态为“{statusZh}”，不能执行此操作', 'en-US': 'The lease is "{statusEn}"; this action is not possible now' },
  apartmentUnitOccupied: { 'zh-CN': '房源已分配或已入住，状态只能通过入住、退房变更', 'en-US': 'The apartment is allocated or occupied; its status changes only by move-in and move-out' },
  apartmentBuildingNameTaken: { 'zh-CN': '已有同名楼栋', 'en-US': 'A building with this name exists' },
  apartmentUnitNumberTaken: { 'zh-CN': '该楼栋已有此房号', 'en-US': 'This building already has this apartment number' },
} satisfies Record<string, Bilingual>;

export const apartmentFieldMessages = {
  'apartment.buildingUnknown': { 'zh-CN': '不是有效的楼栋', 'en-US': 'is not a building' },
  'apartment.unitUnknown': { 'zh-CN': '不是有效的房源', 'en-US': 'is not an apartment' },
  'apartment.applicationUnknown': { 'zh-CN': '不是有效的申请', 'en-US': 'is not an application' },
  'apartment.endBeforeStart': { 'zh-CN': '须晚于起租日期', 'en-US': 'must be after the start date' },
  'apartment.endNotLater': { 'zh-CN': '须晚于当前到期日期', 'en-US': 'must be after the current end date' },
  'apartment.beforeStart': { 'zh-CN': '不能早于起租日期', 'en-US': 'cannot be before the start date' },
  'apartment.beforeMoveIn': { 'zh-CN': '不能早于入住日期', 'en-US': 'cannot be before the move-in date' },
} satisfies Record<string, Bilingual>;

export const apartmentFieldLabels: Record<string, Bilingual> = {
  buildingName: { 'zh-CN': '楼栋名称', 'en-US': 'Building' },
  buildingAddress: { 'zh-CN': '地址', 'en-US': 'Address' },
  buildingPark: { 'zh-CN': '所在园区', 'en-US': 'Park' },
  buildingId: { 'zh-CN': '楼栋', 'en-US': 'Building' },
  unitNumber: { 'zh-CN': '房号', 'en-US': 'Apartment number' },
  apartmentId: { 'zh-CN': '房源', 'en-US': 'Apartment' },
  layout: { 'zh-CN': '户型', 'en-US': 'Layout' },
  area: { 'zh-CN': '面积', 'en-US': 'Area' },
  furnished: { 'zh-CN': '拎包入住', 'en-US': 'Furnished' },
  monthlyRent: { 'zh-CN': '月租金', 'en-US': 'Monthly rent' },
  unitStatus: { 'zh-CN': '房源状态', 'en-US': 'Status' },
  preferredLayout: { 'zh-CN': '意向户型', 'en-US': 'Preferred layout' },
  preferredBuildingId: { 'zh-CN': '意向楼栋', 'en-US': 'Preferred building' },
  familySize: { 'zh-CN': '同住人数', 'en-US': 'Household size' },
  applicationNote: { 'zh-CN': '说明', 'en-US': 'Note' },
  applicationId: { 'zh-CN': '申请', 'en-US': 'Application' },
  startDate: { 'zh-CN': '起租日期', 'en-US': 'Start date' },
  endDate: { 'zh-CN': '到期日期', 'en-US': 'End date' },
  moveInDate: { 'zh-CN': '入住日期', 'en-US': 'Move-in date' },
  moveOutDate: { 'zh-CN': '退房日期', 'en-US': 'Move-out date' },
  unitStatusAfter: { 'zh-CN': '退房后房源状态', 'en-US': 'Apartment status after move-out' },
  leaseStatus: { 'zh-CN': '租约状态', 'en-US': 'Lease status' },
};

/** Lease statuses as a refusal names them. */
export const leaseStatusLabels: Record<'reserved' | 'active' | 'ended', Bilingual> = {
  reserved: { 'zh-CN': '已分配待入住', 'en-US': 'allocated, awaiting move-in' },
  active: { 'zh-CN': '在租', 'en-US': 'active' },
  ended: { 'zh-CN': '已退房', 'en-US': 'ended' },
};
