import { describe, expect, it } from 'vitest';
import { checkPassword } from './password';
import { passwordProblemOf } from './password-strength';
import { renderAccountNotice } from './account-notices';

describe('password rule', () => {
  it('refuses the passwords the issue names, and each pattern with its own reason', () => {
    expect(passwordProblemOf('Aaaaaaa1')).toBe('repeated');
    expect(passwordProblemOf('Qwerty@2026')).toBe('common');
    expect(passwordProblemOf('office2026!', 'office')).toBe('username');
    expect(checkPassword('Xy#eciffo77', 'office')).toBe('username');
    expect(checkPassword('Zx!asdf9Lm')).toBe('keyboard');
    expect(checkPassword('Mq#1qaz8Yv')).toBe('keyboard');
    expect(checkPassword('Mq#zaq18Yv')).toBe('keyboard');
    expect(checkPassword('Lw#bcde4Tr!')).toBe('sequence');
    expect(checkPassword('Lw#dcba4Tr!')).toBe('sequence');
    expect(checkPassword('Kp#ababab7')).toBe('repeated');
    expect(passwordProblemOf('Summer#2026')).toBe('weak');
  });

  it('accepts a good passphrase', () => {
    expect(passwordProblemOf('Lantern-Orchid-Gravel-91', 'office')).toBeNull();
  });
});

describe('account notices', () => {
  it('render in both languages, and unknown values render nothing', () => {
    const zh = renderAccountNotice('account', { action: 'passwordReset', by: 'secadmin' }, 'zh-CN')!;
    const en = renderAccountNotice('account', { action: 'passwordReset', by: 'secadmin' }, 'en-US')!;
    expect(zh.body).toContain('secadmin 重置了您的密码');
    expect(en.body).toContain('secadmin reset your password');
    expect(renderAccountNotice('adminRequest', { request: 'update', target: 'sysadmin', by: 'secadmin' }, 'zh-CN')!.title).toBe('待您审批：变更管理员账户 sysadmin');
    expect(renderAccountNotice('account', { action: 'teleported', by: 'x' }, 'zh-CN')).toBeNull();
    expect(renderAccountNotice('review', {}, 'zh-CN')).toBeNull();
  });
});
