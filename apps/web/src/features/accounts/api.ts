// Accounts: the signed-in member (`me`), sign-in/out, profile, verification, public profiles.
// `['me']` holds the member or null (signed out); every auth change updates it in one place.
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../../lib/api.ts';

export type QuickSellUnmet = 'account_age' | 'verification';

export type Me = {
  id: string;
  username: string;
  displayName: string;
  avatarUrl: string | null;
  bio: string;
  city: string;
  interestTags: string[];
  role: 'member' | 'moderator' | 'admin';
  createdAt: string;
  verified: boolean;
  verification: { realName: string; idNumber: string } | null;
  quickSell: { eligible: boolean; unmet: QuickSellUnmet[]; eligibleAt: string | null; vouched?: boolean; path?: 'account_age' | 'vouched' | null };
};

export type PublicUser = {
  id: string;
  username: string;
  displayName: string;
  avatarUrl: string | null;
  bio: string;
  city: string;
  interestTags: string[];
  createdAt: string;
  verified: boolean;
  creditScore: number;
  ratingAverage: number | null;
  ratingCount: number;
};

export type CreditFactor = { key: string; points: number; max: number; count: number; detail: string };
export type Credit = { score: number; factors: CreditFactor[] };

export type LoginInput = { username: string; password: string };
export type RegisterInput = LoginInput & { displayName?: string };
export type ProfilePatch = { displayName?: string; bio?: string; city?: string; interestTags?: string[]; avatarId?: string | null };
export type VerificationInput = { realName: string; idNumber: string };

type AuthResult = { user: Me; token: string };

export const meKey = ['me'] as const;
export const userKey = (id: string) => ['users', id] as const;
export const creditKey = (id: string) => ['users', id, 'credit'] as const;

/** Who is signed in, or null. GET /session answers a visitor 200 {user: null}: asking GET /me
 *  would cost every visitor's page a 401 that the browser logs as a failed request. */
export async function fetchMe(): Promise<Me | null> {
  return (await api.get<{ user: Me | null }>('/session')).user;
}

export const useMe = () => useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 30_000 });

function signedIn(qc: QueryClient, user: Me) {
  qc.setQueryData(meKey, user);
  void qc.invalidateQueries({ queryKey: ['users', user.id] });
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) => api.post<AuthResult>('/auth/login', input),
    onSuccess: (r) => signedIn(qc, r.user),
  });
}

export function useRegister() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: RegisterInput) => api.post<AuthResult>('/auth/register', input),
    onSuccess: (r) => signedIn(qc, r.user),
  });
}

/** Sign out on the server. Call `clearSession` after leaving member-only pages. */
export function useLogout() {
  return useMutation({
    mutationFn: async () => {
      try {
        await api.post<void>('/auth/logout');
      } catch (err) {
        // Already signed out on the server: the goal is reached.
        if (!(err instanceof ApiError && err.status === 401)) throw err;
      }
    },
  });
}

/** Forget everything cached for the member who just signed out. */
export function clearSession(qc: QueryClient) {
  qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
  qc.setQueryData(meKey, null);
}

export function useUpdateProfile() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: ProfilePatch) => api.patch<Me>('/me', patch),
    onSuccess: (me) => signedIn(qc, me),
  });
}

export function useVerifyIdentity() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: VerificationInput) => api.post<{ verified: true; user: Me }>('/me/verification', input),
    onSuccess: (r) => signedIn(qc, r.user),
  });
}

export const usePublicUser = (id: string) =>
  useQuery({ queryKey: userKey(id), queryFn: () => api.get<PublicUser>(`/users/${encodeURIComponent(id)}`) });

export const useCredit = (id: string) =>
  useQuery({
    queryKey: creditKey(id),
    queryFn: () => api.get<Credit>(`/users/${encodeURIComponent(id)}/credit`),
  });
