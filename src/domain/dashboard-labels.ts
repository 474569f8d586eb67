import type { IndicatorCode, IndicatorGroup } from './dashboard';

/**
 * The dashboard's words in both languages, shared by the web pages (module locales) and the report workbook the server
 * writes: each indicator's name and its definition (口径: which records, which date puts them in a period).
 */
type Bilingual = Record<'zh-CN' | 'en-US', string>;

export const indicatorGroupNames: Record<IndicatorGroup, Bilingual> = {
  attract: { 'zh-CN': '引才', 'en-US': 'Attract' },
  develop: { 'zh-CN': '育才', 'en-US': 'Develop' },
  employ: { 'zh-CN': '用才', 'en-US': 'Employ' },
  retain: { 'zh-CN': '留才', 'en-US': 'Retain' },
};

export const indicatorNames: Record<IndicatorCode, Bilingual> = {
  masters: { 'zh-CN': '引进硕士', 'en-US': "Master's graduates brought in" },
  doctorates: { 'zh-CN': '引进博士', 'en-US': 'PhDs brought in' },
  executives: { 'zh-CN': '市场化选聘高管', 'en-US': 'Market-hired executives' },
  teams: { 'zh-CN': '落地人才团队', 'en-US': 'Resident talent teams' },
  experts: { 'zh-CN': '柔性引进专家', 'en-US': 'Flexibly engaged experts' },
  arrivals: { 'zh-CN': '新入区人才', 'en-US': 'Talents arrived' },
  universities: { 'zh-CN': '新签合作高校', 'en-US': 'Partner universities signed' },
  trained: { 'zh-CN': '培训考核合格', 'en-US': 'Trainees passed' },
  technicians: { 'zh-CN': '技能人才取证', 'en-US': 'Technicians certified' },
  interns: { 'zh-CN': '新增实习生', 'en-US': 'Interns placed' },
  conversions: { 'zh-CN': '实习转录用', 'en-US': 'Interns hired' },
  titlesDeclared: { 'zh-CN': '职称申报', 'en-US': 'Title declarations' },
  titlesPassed: { 'zh-CN': '职称评审通过', 'en-US': 'Titles awarded' },
  subsidiesPaid: { 'zh-CN': '兑现补贴金额（元）', 'en-US': 'Subsidies paid (yuan)' },
  subsidyPayments: { 'zh-CN': '兑现补贴笔数', 'en-US': 'Subsidy payments' },
  loans: { 'zh-CN': '创业担保贷款放款笔数', 'en-US': 'Start-up loans disbursed' },
  loanAmount: { 'zh-CN': '放款金额（元）', 'en-US': 'Loan amount disbursed (yuan)' },
  enterprisesServed: { 'zh-CN': '服务企业数', 'en-US': 'Enterprises served' },
  moveIns: { 'zh-CN': '人才公寓入住', 'en-US': 'Apartment move-ins' },
  requestsHandled: { 'zh-CN': '办结诉求', 'en-US': 'Service requests closed' },
  onTimeRate: { 'zh-CN': '按时办结率', 'en-US': 'Closed on time' },
  satisfaction: { 'zh-CN': '满意率', 'en-US': 'Satisfaction' },
  departures: { 'zh-CN': '离开人才', 'en-US': 'Talents who left' },
  netFlow: { 'zh-CN': '人才净流入', 'en-US': 'Net talent inflow' },
};

export const indicatorDefinitions: Record<IndicatorCode, Bilingual> = {
  masters: { 'zh-CN': '人才库中最高学历为硕士研究生、入区日期在本期内的人数。', 'en-US': "Talents on record whose highest education is a master's degree and whose arrival date falls in the period." },
  doctorates: { 'zh-CN': '人才库中最高学历为博士研究生、入区日期在本期内的人数。', 'en-US': 'Talents on record whose highest education is a doctorate and whose arrival date falls in the period.' },
  executives: { 'zh-CN': '市场化选聘的企业高管，任期开始日在本期内的人数。', 'en-US': 'Market-hired executives whose term starts in the period.' },
  teams: { 'zh-CN': '在册人才团队中，服务开始日期在本期内的团队数。', 'en-US': 'Talent teams on record whose service starts in the period.' },
  experts: { 'zh-CN': '柔性引进专家中，聘用开始日期在本期内的人数。', 'en-US': 'Flexibly engaged experts whose engagement starts in the period.' },
  arrivals: { 'zh-CN': '人才库中入区日期在本期内的人数（不论现状）。', 'en-US': 'Talents on record whose arrival date falls in the period, whatever their status now.' },
  universities: { 'zh-CN': '省校合作框架协议签订日期在本期内的高校数。', 'en-US': 'Universities whose framework agreement was signed in the period.' },
  trained: { 'zh-CN': '各类培训班学员中，考核合格且考核日期在本期内的人次。', 'en-US': 'Trainees of any class who passed their assessment, dated in the period.' },
  technicians: { 'zh-CN': '培训学员中，证书发放日期在本期内的人次（技能人才取证）。', 'en-US': 'Trainees whose certificate was issued in the period.' },
  interns: { 'zh-CN': '实习实训基地的实习生中，实习开始日期在本期内的人数。', 'en-US': 'Interns at the internship bases whose placement starts in the period.' },
  conversions: { 'zh-CN': '实习生中已录用并关联人才档案、录用日期在本期内的人数。', 'en-US': 'Interns hired and linked to a talent record, hired in the period.' },
  titlesDeclared: { 'zh-CN': '职称评审申报中，提交时间（北京时间）在本期内的份数。', 'en-US': 'Title declarations submitted in the period (Beijing time).' },
  titlesPassed: { 'zh-CN': '职称评审结果为通过、决定时间在本期内的份数。', 'en-US': 'Title declarations passed, decided in the period.' },
  subsidiesPaid: { 'zh-CN': '政策兑现台账中状态为已拨付、拨付时间在本期内的金额合计（元）。', 'en-US': 'Sum of the ledger entitlements paid, by payment time in the period (yuan).' },
  subsidyPayments: { 'zh-CN': '政策兑现台账中已拨付、拨付时间在本期内的笔数。', 'en-US': 'Ledger entitlements paid in the period.' },
  loans: { 'zh-CN': '创业担保贷款中，放款日期在本期内的笔数。', 'en-US': 'Start-up guaranteed loans disbursed in the period.' },
  loanAmount: { 'zh-CN': '创业担保贷款中，放款日期在本期内的放款金额合计（元）。', 'en-US': 'Amount of the start-up loans disbursed in the period (yuan).' },
  enterprisesServed: { 'zh-CN': '本期内以企业名义提交办件（政策申请、诉求、贷款等）的不同企业数。', 'en-US': 'Distinct enterprises that submitted a case (application, request, loan …) in the period.' },
  moveIns: { 'zh-CN': '人才公寓租约中，入住日期在本期内的套数。', 'en-US': 'Apartment leases whose move-in date falls in the period.' },
  requestsHandled: { 'zh-CN': '人才诉求中，办结或不予受理、结办日期在本期内的件数（与诉求列表的结办日期筛选一致）。', 'en-US': 'Service requests closed (done or declined) in the period, as the request list filters them.' },
  onTimeRate: { 'zh-CN': '本期办结诉求中，在办理时限（工作日）内办结的比例。', 'en-US': 'Share of the requests closed in the period that closed within their working-day limit.' },
  satisfaction: { 'zh-CN': '本期办结并已评价的诉求中，评价为满意及以上的比例。', 'en-US': 'Share of the requests closed and rated in the period rated satisfied or better.' },
  departures: { 'zh-CN': '人才库中状态为已离开、状态日期在本期内的人数。', 'en-US': 'Talents whose status is left, dated in the period.' },
  netFlow: { 'zh-CN': '新入区人才减离开人才。', 'en-US': 'Talents arrived minus talents who left.' },
};
