import { z } from 'zod';
import { allRoles } from '../../../domain/roles';
import { passwordMaxLength } from '../../../domain/password';

export const username = z.string().trim().min(3).max(40).regex(/^[a-zA-Z0-9_.-]+$/);
export const displayName = z.string().trim().min(1).max(60);
export const password = z.string().min(1).max(passwordMaxLength);

export const loginBody = z.object({
  username: z.string().trim().min(1).max(40),
  password: z.string().min(1).max(passwordMaxLength),
  /** Required after a few failures (GET /api/auth/captcha): the captcha's id and the characters read from its image. */
  captchaId: z.uuid().optional(),
  captchaAnswer: z.string().trim().max(10).optional(),
});

export const loginSecondFactorBody = z
  .object({ challengeToken: z.string().min(1).max(100), code: z.string().trim().max(10).optional(), recoveryCode: z.string().trim().max(20).optional() })
  .refine((body) => !!body.code || !!body.recoveryCode, { path: ['code'], message: 'required' });

export const sessionUserSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(allRoles)),
  talentId: z.uuid().nullable(),
  organisationId: z.uuid().nullable(),
  unitId: z.uuid().nullable(),
});

/**
 * `restriction`: a one-time password must be changed (`passwordChangeRequired`) or an administrator must enrol TOTP
 * (`secondFactorRequired`) before anything else; `secondFactor`: TOTP is on.
 */
export const sessionResponse = z.object({
  user: sessionUserSchema,
  csrfToken: z.string(),
  restriction: z.enum(['passwordChangeRequired', 'secondFactorRequired']).nullable(),
  secondFactor: z.boolean(),
});

/** The answer to a right password when TOTP is on: no session yet, a token for the second step. */
export const challengeResponse = z.object({ secondFactorRequired: z.literal(true), challengeToken: z.string() });

export const captchaResponse = z.object({ id: z.uuid(), image: z.string() });

export const totpEnrolmentResponse = z.object({ secret: z.string(), uri: z.string(), qrCode: z.string() });
export const totpConfirmBody = z.object({ code: z.string().trim().min(1).max(10) });
export const totpConfirmResponse = z.object({ recoveryCodes: z.array(z.string()), session: sessionResponse.omit({ csrfToken: true }) });
export const totpDisableBody = z.object({ password: z.string().min(1).max(passwordMaxLength) });
export const secondFactorStatus = z.object({ enabled: z.boolean(), required: z.boolean(), recoveryCodesLeft: z.number().int() });

export const changePasswordBody = z.object({ currentPassword: password, newPassword: password });

const adminAccount = z.object({ username, displayName, password });
export const setupBody = z.object({ setupToken: z.string().min(1).max(200), sysadmin: adminAccount, secadmin: adminAccount, auditor: adminAccount });

export const setupStatus = z.object({
  required: z.boolean(),
  demo: z.boolean(),
  /** Present when demo data is loaded: the demo accounts to try, and their shared password. */
  demoAccounts: z.array(z.object({ username: z.string(), roles: z.array(z.enum(allRoles)) })).optional(),
  demoPassword: z.string().optional(),
  /** The demo administrators' TOTP secret (an authenticator app, or otplib, computes their codes from it). */
  demoTotpSecret: z.string().optional(),
});
