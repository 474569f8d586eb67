/** Texts of the talent apartment pages (人才公寓), merged into the app's resources by app/i18n.ts. */
export const apartmentsZhCN = {
  nav: { apartments: '人才公寓' },
  apartments: {
    title: '人才公寓',
    description: '拎包入住的人才公寓：房源、入住申请、轮候、分配与租约。',
    mineDescription: '申请人才公寓，查看审核进度、轮候位次和租约。',
    tabs: { units: '房源', waiting: '轮候名单', leases: '租约', applications: '入住申请' },
    layouts: { studio: '一室', oneBedroom: '一室一厅', twoBedroom: '两室一厅', threeBedroom: '三室一厅' },
    unitStatuses: { vacant: '空置', reserved: '已分配待入住', occupied: '已入住', maintenance: '维修中' },
    leaseStatuses: { reserved: '待入住', active: '在租', ended: '已退房' },
    columns: {
      building: '楼栋', number: '房号', layout: '户型', area: '面积', rent: '月租金', status: '状态', tenant: '租户', furnished: '拎包入住', position: '位次', talent: '申请人',
      tier: '人才层次', familySize: '同住人数', submittedAt: '申请时间', term: '租期', moveIn: '入住日期', renewals: '续租次数', actions: '操作', occupancy: '入住率',
    },
    area: '{{value}} 平方米',
    yes: '是',
    noTier: '未认定',
    persons: '{{count}} 人',
    filters: { building: '楼栋', status: '状态', layout: '户型', leaseStatus: '租约状态' },
    totals: { units: '房源总数', occupied: '已入住', vacant: '空置', occupancyRate: '入住率' },
    rule: '轮候规则：先按人才层次排序（A 类在前，依次至 E 类，未认定层次的排在最后），同一层次按申请时间先后排序。',
    eligibility: { title: '申请条件（{{policy}}）', eligible: '您符合申请条件', notEligible: '您暂不符合申请条件', needsData: '资料不全，暂无法判断' },
    apply: {
      title: '申请入住', layout: '意向户型', familySize: '同住人数', note: '说明', submit: '提交申请', submitted: '申请已提交，等待规划建设局审核', any: '不限',
    },
    mine: { applications: '我的申请', leases: '我的租约', position: '轮候第 {{position}} 位（共 {{count}} 人）', none: '暂无申请。', noLease: '暂无租约。' },
    detail: {
      title: '人才公寓入住申请', preferences: '申请意向', eligibility: '申请条件（提交时）', history: '办理记录', lease: '租约', decide: '审核', decision: '审核结果',
      decisions: { approve: '通过，进入轮候', return: '退回补正', reject: '不予通过' }, comment: '审核意见（申请人可见）', internalNote: '内部备注（仅工作人员可见）',
      commentRequired: '退回或不予通过时须填写意见', submit: '提交', decided: '审核结果已保存', withdraw: '撤回申请', withdrawn: '申请已撤回', allocate: '分配房源',
    },
    allocate: { title: '分配房源', unit: '空置房源', start: '起租日期', end: '到期日期', submit: '确认分配', done: '已分配，等待入住', taken: '该房源刚被他人分配，请另选' },
    lease: {
      moveIn: '办理入住', renew: '续租', moveOut: '办理退房', date: '日期', newEnd: '新的到期日期', after: '退房后房源状态', done: '已保存',
    },
  },
};

export const apartmentsEnUS: typeof apartmentsZhCN = {
  nav: { apartments: 'Talent apartments' },
  apartments: {
    title: 'Talent apartments',
    description: 'Furnished talent apartments: inventory, applications, the waiting list, allocation and leases.',
    mineDescription: 'Apply for a talent apartment and follow your application, waiting-list position and lease.',
    tabs: { units: 'Apartments', waiting: 'Waiting list', leases: 'Leases', applications: 'Applications' },
    layouts: { studio: 'Studio', oneBedroom: 'One bedroom', twoBedroom: 'Two bedrooms', threeBedroom: 'Three bedrooms' },
    unitStatuses: { vacant: 'Vacant', reserved: 'Allocated', occupied: 'Occupied', maintenance: 'Maintenance' },
    leaseStatuses: { reserved: 'Awaiting move-in', active: 'Active', ended: 'Ended' },
    columns: {
      building: 'Building', number: 'No.', layout: 'Layout', area: 'Area', rent: 'Monthly rent', status: 'Status', tenant: 'Tenant', furnished: 'Furnished', position: 'Position', talent: 'Applicant',
      tier: 'Tier', familySize: 'Household', submittedAt: 'Applied', term: 'Term', moveIn: 'Moved in', renewals: 'Renewals', actions: 'Actions', occupancy: 'Occupancy',
    },
    area: '{{value}} m²',
    yes: 'Yes',
    noTier: 'None',
    persons: '{{count}}',
    filters: { building: 'Building', status: 'Status', layout: 'Layout', leaseStatus: 'Lease status' },
    totals: { units: 'Apartments', occupied: 'Occupied', vacant: 'Vacant', occupancyRate: 'Occupancy' },
    rule: 'Waiting-list rule: by talent tier first (A first, then B to E; talents without a tier last), then by the date applied, earlier first.',
    eligibility: { title: 'Conditions ({{policy}})', eligible: 'You meet the conditions', notEligible: 'You do not meet the conditions yet', needsData: 'Some information is missing' },
    apply: {
      title: 'Apply', layout: 'Preferred layout', familySize: 'Household size', note: 'Note', submit: 'Submit application', submitted: 'Application submitted; the planning and construction bureau will review it', any: 'Any',
    },
    mine: { applications: 'My applications', leases: 'My leases', position: 'Position {{position}} of {{count}} waiting', none: 'No applications yet.', noLease: 'No lease yet.' },
    detail: {
      title: 'Talent apartment application', preferences: 'Preferences', eligibility: 'Conditions (when applied)', history: 'History', lease: 'Lease', decide: 'Review', decision: 'Result',
      decisions: { approve: 'Approve (to the waiting list)', return: 'Return for correction', reject: 'Reject' }, comment: 'Comment (the applicant sees it)', internalNote: 'Internal note (staff only)',
      commentRequired: 'A comment is required to return or reject', submit: 'Submit', decided: 'Result saved', withdraw: 'Withdraw', withdrawn: 'Application withdrawn', allocate: 'Allocate an apartment',
    },
    allocate: { title: 'Allocate an apartment', unit: 'Vacant apartment', start: 'Start date', end: 'End date', submit: 'Allocate', done: 'Allocated; awaiting move-in', taken: 'Someone has just allocated this apartment; choose another' },
    lease: {
      moveIn: 'Move in', renew: 'Renew', moveOut: 'Move out', date: 'Date', newEnd: 'New end date', after: 'Apartment status after move-out', done: 'Saved',
    },
  },
};
