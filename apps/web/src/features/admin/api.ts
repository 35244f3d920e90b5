// The console's calls to /admin/* (API.md "Operator"). Shapes follow apps/api/src/modules/admin/schema.ts.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

export type TargetType = 'note' | 'comment' | 'item' | 'user' | 'message' | 'conversation';
export type ReportStatus = 'open' | 'resolved' | 'dismissed';
export type Action = 'hide' | 'restore' | 'warn' | 'limit' | 'ban' | 'unban' | 'dismiss';

export type QueueEntry = {
  targetType: TargetType;
  targetId: string;
  count: number;
  reasons: string[];
  system: boolean;
  firstAt: string;
  lastAt: string;
  reports: { id: string; reason: string; detail: string; evidence: unknown; reporter: { id: string; username: string } | null; status: string; resolution: string | null; createdAt: string }[];
  target: { exists: boolean; hidden: boolean; authorId: string | null; title: string | null; text: string | null; price: number | null; state: string | null; warnings: string[]; link: string | null; createdAt: string | null };
  context: { id: string; senderId: string | null; kind: string; text: string | null; warnings: string[]; hidden: boolean; reported: boolean; createdAt: string }[];
  subject: {
    id: string;
    username: string;
    displayName: string;
    status: string;
    role: string;
    createdAt: string;
    reports: Record<string, number>;
    flaggedWrites30d: number;
    sellerFlag: string | null;
    limits: { kind: string; until: string; reason: string }[];
    actions: { action: string; reason: string; by: string; at: string }[];
  } | null;
};

export type AuditEntry = {
  id: string;
  at: string;
  actor: { id: string | null; username: string; role: string };
  action: string;
  targetType: string;
  targetId: string;
  reason: string;
  before: unknown;
  after: unknown;
  reportId: string | null;
};

export type CaseRow = {
  id: string; orderId: string; status: string; reason: string; amount: number; returnItem: boolean; buyer: string; seller: string;
  deadlineAt: string | null; verdict: string | null; createdAt: string; jury: { seated: number; voted: number; refund: number; release: number };
};

export type WithdrawalRow = {
  id: string; userId: string; username: string; amount: number; status: 'processing' | 'paid' | 'failed'; attempts: number;
  lastError: string | null; failureReason: string | null; createdAt: string; updatedAt: string;
};

export type StatsPoint = {
  at: string; gmv: number; orders: number; ordersPaid: number; ordersCompleted: number; ordersCancelled: number; fees: number;
  activeMembers: number; newMembers: number; listings: number; cases: number; casesRefunded: number; casesReleased: number; casesWithdrawn: number; scamHits: number;
};

export type Setting = {
  key: string; value: number; defaultValue: number; min: number; max: number; unit: string; env: string;
  group: string; effect: 'now' | 'new'; overridden: boolean; updatedAt: string | null;
};

type Page<T> = { items: T[]; nextCursor: string | null };

export type Member = {
  id: string; username: string; displayName: string; role: string; status: string; createdAt: string; verified: boolean; vouchedAt: string | null;
};

const qs = (o: Record<string, string | undefined>) => {
  const p = new URLSearchParams(Object.entries(o).filter((e): e is [string, string] => !!e[1]));
  const s = p.toString();
  return s ? `?${s}` : '';
};

function paged<T>(key: unknown[], path: (cursor?: string) => string) {
  return {
    queryKey: key,
    queryFn: ({ pageParam }: { pageParam: string | undefined }) => api.get<Page<T>>(path(pageParam)),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: Page<T>) => last.nextCursor ?? undefined,
  };
}

export const useQueue = (status: ReportStatus, reason?: string) =>
  useInfiniteQuery(paged<QueueEntry>(['admin', 'reports', status, reason], (cursor) => `/admin/reports${qs({ status, reason, cursor, limit: '20' })}`));

export const useAudit = (action?: string) =>
  useInfiniteQuery(paged<AuditEntry>(['admin', 'audit', action], (cursor) => `/admin/audit${qs({ action, cursor, limit: '30' })}`));

export const useCases = (status: string) =>
  useInfiniteQuery(paged<CaseRow>(['admin', 'cases', status], (cursor) => `/admin/after-sales${qs({ status, cursor })}`));

export const useWithdrawals = (status?: string) =>
  useInfiniteQuery(paged<WithdrawalRow>(['admin', 'withdrawals', status], (cursor) => `/admin/withdrawals${qs({ status, cursor })}`));

export const useStats = (q: { from: string; to: string; bucket: 'day' | 'week' | 'month' }) =>
  useQuery({ queryKey: ['admin', 'stats', q], queryFn: () => api.get<{ series: StatsPoint[] }>(`/admin/stats${qs({ ...q, tz: 'Asia/Shanghai' })}`) });

export const useSettings = (enabled: boolean) =>
  useQuery({ queryKey: ['admin', 'settings'], enabled, queryFn: () => api.get<{ items: Setting[] }>('/admin/settings') });

/** Every action refreshes the console's lists (the queue, the log, cases, withdrawals). */
function useAdminMutation<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ['admin'] }) });
}

export const useResolve = () =>
  useAdminMutation((i: { reportId: string; action: Action; reason: string; limit?: { kind: 'listing' | 'messaging'; days: number } }) =>
    api.post(`/admin/reports/${i.reportId}/resolve`, { action: i.action, reason: i.reason, ...(i.limit ? { limit: i.limit } : {}) }),
  );

export const useDecide = () =>
  useAdminMutation((i: { caseId: string; verdict: 'refund' | 'release'; reason: string }) => api.post(`/admin/after-sales/${i.caseId}/decide`, { verdict: i.verdict, reason: i.reason }));

export const useRetryWithdrawal = () => useAdminMutation((i: { id: string; reason: string }) => api.post(`/admin/withdrawals/${i.id}/retry`, { reason: i.reason }));

export const useSaveSettings = () => useAdminMutation((body: Record<string, number | null | string>) => api.patch<{ items: Setting[] }>('/admin/settings', body));

export const useMembers = (q: string) =>
  useQuery({ queryKey: ['admin', 'members', q], queryFn: () => api.get<{ items: Member[] }>(`/admin/users${qs({ q: q || undefined, limit: '20' })}`) });

/** 担保可卖 / 取消担保 (moderators and admins; audited). */
export const useVouch = () =>
  useAdminMutation((i: { id: string; vouch: boolean; reason: string }) => api.post(`/admin/users/${i.id}/${i.vouch ? 'vouch' : 'unvouch'}`, { reason: i.reason }));
