import { z } from 'zod';
import { MIN_PASSWORD_LENGTH } from './password-hash.js';
import { USER_ROLES } from './roles.js';

export const Username = z.string().regex(/^[A-Za-z0-9._@-]{1,64}$/, 'must be 1 to 64 letters, digits or . _ @ -');
const DisplayName = z.string().trim().min(1).max(200);
/** Long passwords are welcome; the cap only bounds the work of hashing one. */
const NewPassword = z.string().min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`).max(256);

export const PasswordSignInBody = z.strictObject({
  username: z.string().min(1).max(200),
  password: z.string().min(1).max(256),
});
export const TokenSignInBody = z.strictObject({ token: z.string().min(1).max(512) });

export const CreateTokenBody = z.strictObject({
  name: DisplayName,
  /** Defaults to the caller's own role. */
  role: z.enum(USER_ROLES).optional(),
  /** `90d`, `12h`, `30m` or seconds; default 90 days, at most 366. */
  expiresIn: z.union([z.string().max(20), z.number().int().positive()]).optional(),
});

export const CreateAccountBody = z.strictObject({
  /** The person's id in the record (a consultant's or sales rep's id), so their events and KPIs line up; default a new id. */
  id: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must match [A-Za-z0-9_-]{1,64}')
    .optional(),
  username: Username,
  name: DisplayName,
  role: z.enum(USER_ROLES),
  password: NewPassword.optional(),
});

export const ChangeAccountBody = z
  .strictObject({
    name: DisplayName.optional(),
    role: z.enum(USER_ROLES).optional(),
    password: NewPassword.optional(),
    disabled: z.boolean().optional(),
  })
  .refine((change) => Object.keys(change).length > 0, {
    message: 'must change at least one of name, role, password, disabled',
  });
