/** Texts of the audit module (object kinds, the integrity check), merged into the app's `audit` texts by app/i18n.ts. */
export const auditZhCN = {
  audit: {
    targets: {
      user: '用户',
      talent: '人才',
      enterprise: '企业',
      policy: '政策',
      application: '申请',
      attachment: '附件',
      entitlement: '兑现记录',
      batch: '拨付批次',
      import: '导入',
      industry: '产业',
      route: '接口',
      setting: '系统设置',
    },
    settings: { keyCheck: '主密钥校验值' },
    /** An object by its kind and a short reference (the first characters of its id). */
    target: '{{kind}} {{ref}}',
    verify: {
      action: '校验日志完整性',
      running: '正在校验…',
      intact: '日志完整',
      intactDetail: '已逐条校验 {{checked}} 条记录的哈希链，未发现篡改。末条序号 {{lastSeq}}，哈希 {{lastHash}}（可记下用于日后比对）。',
      legacy: '另有 {{count}} 条早于哈希链的旧记录，按条数校验。',
      broken: '日志被篡改',
      brokenDetail: '第一个断点：序号 {{seq}}（记录号 {{id}}），{{at}}，操作“{{action}}”，操作人 {{actor}}。此前 {{checked}} 条完好。',
      noSeq: '无（不在链中）',
      failed: '校验失败，请稍后再试',
      problems: {
        content: '该记录的内容或哈希被修改',
        link: '与前一条记录的链接不符：有记录被插入或替换',
        gap: '序号不连续：此前有记录被删除',
        unsealed: '该记录不在哈希链中：绕过系统直接写入数据库',
        legacy: '哈希链开始之前的旧记录被增删',
      },
    },
  },
};

type TextsOf<T> = { [Key in keyof T]: T[Key] extends string ? string : TextsOf<T[Key]> };

export const auditEnUS: TextsOf<typeof auditZhCN> = {
  audit: {
    targets: {
      user: 'User',
      talent: 'Talent',
      enterprise: 'Enterprise',
      policy: 'Policy',
      application: 'Application',
      attachment: 'Attachment',
      entitlement: 'Entitlement',
      batch: 'Disbursement batch',
      import: 'Import',
      industry: 'Industry',
      route: 'Route',
      setting: 'System setting',
    },
    settings: { keyCheck: 'Master key check value' },
    target: '{{kind}} {{ref}}',
    verify: {
      action: 'Verify integrity',
      running: 'Verifying…',
      intact: 'The log is intact',
      intactDetail: 'The hash chain of {{checked}} entries was recomputed entry by entry: nothing was tampered with. Last seq {{lastSeq}}, hash {{lastHash}} (note it to compare later).',
      legacy: '{{count}} older entries from before the chain are checked by their count.',
      broken: 'The log was tampered with',
      brokenDetail: 'First broken link: seq {{seq}} (entry {{id}}), {{at}}, action "{{action}}", by {{actor}}. The {{checked}} entries before it are intact.',
      noSeq: 'none (outside the chain)',
      failed: 'The check failed; try again later',
      problems: {
        content: 'the entry\'s content or hash was changed',
        link: 'its link to the previous entry does not match: an entry was inserted or replaced',
        gap: 'a gap in the sequence: entries before it were removed',
        unsealed: 'the entry is outside the hash chain: written straight into the database',
        legacy: 'entries from before the chain began were added or removed',
      },
    },
  },
};
