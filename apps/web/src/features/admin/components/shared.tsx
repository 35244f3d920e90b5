// Pieces every console page uses: the reason form that every action needs, the error text,
// and a paged list's "load more".
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api.ts';
import { describeError } from '../../../lib/errors.ts';
import { FormAlert } from '../../../ui/alert.tsx';
import { Button } from '../../../ui/button.tsx';
import { ErrorState, Loading } from '../../../ui/status.tsx';
import { type AdminKey, type AdminT, useAdminT } from '../i18n.ts';

const KNOWN = new Set(['forbidden', 'invalid_state', 'action_not_applicable', 'target_gone', 'range_too_large', 'account_deleted', 'invalid_setting']);

export function useDescribe() {
  const { t } = useTranslation();
  const at = useAdminT();
  return (err: unknown) => (isApiError(err) && KNOWN.has(err.code) ? at(`errors.${err.code}` as AdminKey) : describeError(t, err));
}

/** A reason (required: it goes to the audit log), extra fields, and a confirm button. */
export function ReasonForm({
  confirm,
  danger,
  busy,
  error,
  onSubmit,
  children,
}: {
  confirm: string;
  danger?: boolean;
  busy: boolean;
  error: unknown;
  onSubmit: (reason: string) => void;
  children?: ReactNode;
}) {
  const at = useAdminT();
  const describe = useDescribe();
  const id = useId();
  const [reason, setReason] = useState('');
  return (
    <form
      className="admin-reason"
      onSubmit={(e) => {
        e.preventDefault();
        if (reason.trim()) onSubmit(reason.trim());
      }}
    >
      {children}
      <label htmlFor={id} className="field-label">
        {at('common.reason')}
      </label>
      <textarea id={id} className="input" rows={2} maxLength={1000} required value={reason} placeholder={at('common.reasonPlaceholder')} onChange={(e) => setReason(e.target.value)} />
      <FormAlert message={error ? describe(error) : null} />
      <Button type="submit" variant={danger ? 'danger' : 'primary'} busy={busy} disabled={!reason.trim()}>
        {confirm}
      </Button>
    </form>
  );
}

type Paged<T> = UseInfiniteQueryResult<InfiniteData<{ items: T[]; nextCursor: string | null }>>;

/** Loading, error, empty, the items, and "load more". */
export function PagedList<T>({ q, render, testId }: { q: Paged<T>; render: (item: T) => ReactNode; testId?: string }) {
  const at = useAdminT();
  const describe = useDescribe();
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorState message={describe(q.error)} onRetry={() => void q.refetch()} />;
  const items = q.data.pages.flatMap((p) => p.items);
  return (
    <>
      {items.length === 0 ? (
        <p className="empty" data-testid={testId ? `${testId}-empty` : undefined}>
          {at('common.empty')}
        </p>
      ) : (
        <ul className="admin-list" data-testid={testId}>
          {items.map(render)}
        </ul>
      )}
      {q.hasNextPage && (
        <Button variant="secondary" block busy={q.isFetchingNextPage} onClick={() => void q.fetchNextPage()}>
          {at('common.more')}
        </Button>
      )}
    </>
  );
}

export const fmtTime = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });

export const roleLabel = (at: AdminT, role: string) => (['member', 'moderator', 'admin', 'system'].includes(role) ? at(`roles.${role}` as AdminKey) : role);
