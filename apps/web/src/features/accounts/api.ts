// Accounts: the signed-in member (`me`), sign-in/out, profile, verification, public profiles.
// `['me']` holds the member or null (signed out); every auth change updates it in one place.
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, type Schemas, call, client } from '../../lib/api.ts';

export type Me = Schemas['Me'];
export type PublicUser = Schemas['PublicUser'];

export const meKey = ['me'] as const;
export const userKey = (id: string) => ['users', id] as const;
export const creditKey = (id: string) => ['users', id, 'credit'] as const;

/** Who is signed in, or null. GET /session answers a visitor 200 {user: null}: asking GET /me
 *  would cost every visitor's page a 401 that the browser logs as a failed request. */
export async function fetchMe(): Promise<Me | null> {
  return (await call(client.GET('/api/v1/session'))).user;
}

export const useMe = () => useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 30_000 });

function signedIn(qc: QueryClient, user: Me) {
  qc.setQueryData(meKey, user);
  void qc.invalidateQueries({ queryKey: ['users', user.id] });
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['LoginBody']) => call(client.POST('/api/v1/auth/login', { body })),
    onSuccess: (r) => signedIn(qc, r.user),
  });
}

export function useRegister() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['RegisterBody']) => call(client.POST('/api/v1/auth/register', { body })),
    onSuccess: (r) => signedIn(qc, r.user),
  });
}

/** Sign out on the server. Call `clearSession` after leaving member-only pages. */
export function useLogout() {
  return useMutation({
    mutationFn: async () => {
      try {
        await call(client.POST('/api/v1/auth/logout'));
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
    mutationFn: (body: Schemas['ProfilePatch']) => call(client.PATCH('/api/v1/me', { body })),
    onSuccess: (me) => signedIn(qc, me),
  });
}

export function useVerifyIdentity() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['VerificationBody']) => call(client.POST('/api/v1/me/verification', { body })),
    onSuccess: (r) => signedIn(qc, r.user),
  });
}

export const usePublicUser = (id: string) =>
  useQuery({
    queryKey: userKey(id),
    queryFn: () => call(client.GET('/api/v1/users/{id}', { params: { path: { id } } })),
  });

export const useCredit = (id: string) =>
  useQuery({
    queryKey: creditKey(id),
    queryFn: () => call(client.GET('/api/v1/users/{id}/credit', { params: { path: { id } } })),
  });
