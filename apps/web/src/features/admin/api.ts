// The console's calls to /admin/* (API.md "Operator"). Shapes follow apps/api/src/modules/admin/schema.ts.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Ok, type Schemas, call, client, type paths } from '../../lib/api.ts';

type ReportsQuery = NonNullable<paths['/api/v1/admin/reports']['get']['parameters']['query']>;

export type QueueEntry = Schemas['ModerationQueueEntry'];
export type ReportStatus = NonNullable<ReportsQuery['status']>;
export type ReportReason = NonNullable<ReportsQuery['reason']>;
export type Action = Schemas['ResolveReportBody']['action'];
export type AuditEntry = Ok<'/api/v1/admin/audit'>['items'][number];
export type CaseRow = Ok<'/api/v1/admin/after-sales'>['items'][number];
export type WithdrawalRow = Ok<'/api/v1/admin/withdrawals'>['items'][number];
export type StatsPoint = Schemas['MarketStats']['series'][number];
export type Setting = Schemas['Settings']['items'][number];
export type Member = Ok<'/api/v1/admin/users'>['items'][number];

/** A keyset-paged console list: `fetch(cursor)` reads one page. */
function paged<P extends { nextCursor: string | null }>(
  key: unknown[],
  fetch: (cursor: string | undefined) => Promise<P>,
) {
  return {
    queryKey: key,
    queryFn: ({ pageParam }: { pageParam: string | undefined }) => fetch(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: P) => last.nextCursor ?? undefined,
  };
}

export const useQueue = (status: ReportStatus, reason?: ReportReason) =>
  useInfiniteQuery(
    paged(['admin', 'reports', status, reason], (cursor) =>
      call(
        client.GET('/api/v1/admin/reports', {
          params: { query: { status, limit: 20, ...(reason ? { reason } : {}), ...(cursor ? { cursor } : {}) } },
        }),
      ),
    ),
  );

export const useAudit = (action?: string) =>
  useInfiniteQuery(
    paged(['admin', 'audit', action], (cursor) =>
      call(
        client.GET('/api/v1/admin/audit', {
          params: { query: { limit: 30, ...(action ? { action } : {}), ...(cursor ? { cursor } : {}) } },
        }),
      ),
    ),
  );

export const useCases = (status: CaseRow['status']) =>
  useInfiniteQuery(
    paged(['admin', 'cases', status], (cursor) =>
      call(client.GET('/api/v1/admin/after-sales', { params: { query: { status, ...(cursor ? { cursor } : {}) } } })),
    ),
  );

export const useWithdrawals = (status?: WithdrawalRow['status']) =>
  useInfiniteQuery(
    paged(['admin', 'withdrawals', status], (cursor) =>
      call(
        client.GET('/api/v1/admin/withdrawals', {
          params: { query: { ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) } },
        }),
      ),
    ),
  );

export const useStats = (q: { from: string; to: string; bucket: 'day' | 'week' | 'month' }) =>
  useQuery({
    queryKey: ['admin', 'stats', q],
    queryFn: () => call(client.GET('/api/v1/admin/stats', { params: { query: { ...q, tz: 'Asia/Shanghai' } } })),
  });

export const useSettings = (enabled: boolean) =>
  useQuery({ queryKey: ['admin', 'settings'], enabled, queryFn: () => call(client.GET('/api/v1/admin/settings')) });

/** Every action refreshes the console's lists (the queue, the log, cases, withdrawals). */
function useAdminMutation<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ['admin'] }) });
}

export const useResolve = () =>
  useAdminMutation(
    (i: {
      reportId: string;
      action: Action;
      reason: string;
      limit?: { kind: 'listing' | 'messaging'; days: number };
    }) =>
      call(
        client.POST('/api/v1/admin/reports/{id}/resolve', {
          params: { path: { id: i.reportId } },
          body: { action: i.action, reason: i.reason, ...(i.limit ? { limit: i.limit } : {}) },
        }),
      ),
  );

export const useDecide = () =>
  useAdminMutation((i: { caseId: string } & Schemas['DecideCaseBody']) =>
    call(
      client.POST('/api/v1/admin/after-sales/{id}/decide', {
        params: { path: { id: i.caseId } },
        body: { verdict: i.verdict, reason: i.reason },
      }),
    ),
  );

export const useRetryWithdrawal = () =>
  useAdminMutation((i: { id: string; reason: string }) =>
    call(
      client.POST('/api/v1/admin/withdrawals/{id}/retry', {
        params: { path: { id: i.id } },
        body: { reason: i.reason },
      }),
    ),
  );

export const useSaveSettings = () =>
  useAdminMutation((body: Schemas['SettingsPatch']) => call(client.PATCH('/api/v1/admin/settings', { body })));

export const useMembers = (q: string) =>
  useQuery({
    queryKey: ['admin', 'members', q],
    queryFn: () => call(client.GET('/api/v1/admin/users', { params: { query: { limit: 20, ...(q ? { q } : {}) } } })),
  });

/** 担保可卖 / 取消担保 (moderators and admins; audited). */
export const useVouch = () =>
  useAdminMutation((i: { id: string; vouch: boolean; reason: string }) => {
    const init = { params: { path: { id: i.id } }, body: { reason: i.reason } };
    return call(
      i.vouch
        ? client.POST('/api/v1/admin/users/{id}/vouch', init)
        : client.POST('/api/v1/admin/users/{id}/unvouch', init),
    );
  });
