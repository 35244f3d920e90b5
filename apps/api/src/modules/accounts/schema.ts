import { z } from '@hono/zod-openapi';

export const Username = z
  .string()
  .regex(/^[A-Za-z0-9_]{3,20}$/, '3–20 letters, digits or _')
  .openapi({ example: 'xiaoming_01' });
const Password = z.string().min(8, 'at least 8 characters').max(128, 'at most 128 characters');
const DisplayName = z.string().trim().min(1).max(30);

export const RegisterBody = z
  .object({ username: Username, password: Password, displayName: DisplayName.optional() })
  .openapi('RegisterBody');
export const LoginBody = z
  .object({ username: z.string().min(1).max(64), password: z.string().min(1).max(128) })
  .openapi('LoginBody');
export const VerificationBody = z
  .object({
    realName: z
      .string()
      .trim()
      .regex(/^(?:[\p{Script=Han}·]{2,20}|[A-Za-z][A-Za-z .'-]{1,49})$/u, 'a real name: 2–20 Chinese characters or a Latin name'),
    idNumber: z.string().trim().max(32),
  })
  .openapi('VerificationBody');
export const ProfilePatch = z
  .object({
    displayName: DisplayName.optional(),
    bio: z.string().trim().max(200).optional(),
    city: z.string().trim().max(30).optional(),
    interestTags: z.array(z.string().trim().min(1).max(20)).max(10).optional(),
    avatarId: z.string().regex(/^[0-9a-f]{16}$/).nullable().optional(),
  })
  .openapi('ProfilePatch');

export const PublicUser = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    avatarUrl: z.string().nullable(),
    bio: z.string(),
    city: z.string(),
    interestTags: z.array(z.string()),
    createdAt: z.string(),
    verified: z.boolean(),
    creditScore: z.number().int(),
    ratingAverage: z.number().nullable(),
    ratingCount: z.number().int(),
    followerCount: z.number().int(),
    followingCount: z.number().int(),
    noteCount: z.number().int(),
    followedByMe: z.boolean(),
  })
  .openapi('PublicUser');

export const QuickSell = z.object({
  eligible: z.boolean(),
  unmet: z.array(z.enum(['account_age', 'verification'])),
  eligibleAt: z.string().nullable().openapi({ description: 'When the account-age condition is met' }),
  vouched: z.boolean().openapi({ description: 'An operator vouched for the member: the account age is not required (verification still is)' }),
  path: z.enum(['account_age', 'vouched']).nullable().openapi({ description: 'What made an eligible member eligible; null while not eligible' }),
});

export const Me = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    avatarUrl: z.string().nullable(),
    bio: z.string(),
    city: z.string(),
    interestTags: z.array(z.string()),
    role: z.enum(['member', 'moderator', 'admin']),
    createdAt: z.string(),
    verified: z.boolean(),
    verification: z.object({ realName: z.string(), idNumber: z.string() }).nullable(),
    quickSell: QuickSell,
  })
  .openapi('Me');

export const AuthResult = z.object({ user: Me, token: z.string() }).openapi('AuthResult');
