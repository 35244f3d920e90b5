// 成员: find a member by username and vouch for them (担保可卖) — for a campus or neighbourhood
// group that knows its members, a vouched member may quick-sell before the account-age rule is
// met (real-name verification is still required). Each vouch and unvouch asks for a reason and
// goes to the audit log. Moderators and admins.
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Button } from '../../../ui/button.tsx';
import { ErrorState, Loading } from '../../../ui/status.tsx';
import { type Member, useMembers, useVouch } from '../api.ts';
import { useAdminT } from '../i18n.ts';
import { ReasonForm, roleLabel, useDescribe } from './shared.tsx';

function MemberCard({ m }: { m: Member }) {
  const at = useAdminT();
  const vouch = useVouch();
  const [open, setOpen] = useState(false);
  const vouched = m.vouchedAt !== null;
  return (
    <li className="card admin-member" data-testid={`member-${m.username}`}>
      <strong>
        {m.displayName} <span className="muted small">@{m.username}</span>
      </strong>
      <span className="muted small">
        {roleLabel(at, m.role)} · {at('members.joined', { date: new Date(m.createdAt).toLocaleDateString() })} ·{' '}
        {m.verified ? at('members.verified') : at('members.unverified')}
        {m.status !== 'active' && ` · ${at(`members.status.${m.status === 'banned' ? 'banned' : 'deleted'}`)}`}
      </span>
      <span className={vouched ? 'admin-ok' : 'muted small'}>
        {vouched ? at('members.vouchedSince', { date: new Date(m.vouchedAt as string).toLocaleDateString() }) : at('members.notVouched')}
      </span>
      {m.status !== 'deleted' && !open && (
        <Button variant={vouched ? 'ghost' : 'primary'} className="btn-small" onClick={() => setOpen(true)}>
          {vouched ? at('members.unvouch') : at('members.vouch')}
        </Button>
      )}
      {open && (
        <>
          <p className="muted small">{vouched ? at('members.unvouchHelp') : at('members.vouchHelp')}</p>
          <ReasonForm
            confirm={vouched ? at('members.unvouch') : at('members.vouch')}
            danger={vouched}
            busy={vouch.isPending}
            error={vouch.error}
            onSubmit={(reason) => vouch.mutate({ id: m.id, vouch: !vouched, reason }, { onSuccess: () => setOpen(false) })}
          />
        </>
      )}
    </li>
  );
}

export function MembersPage() {
  const at = useAdminT();
  const describe = useDescribe();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [draft, setDraft] = useState(q);
  const list = useMembers(q);
  return (
    <section aria-label={at('nav.members')}>
      <p className="muted small">{at('members.intro')}</p>
      <form
        className="admin-members-search"
        onSubmit={(e) => {
          e.preventDefault();
          setParams(draft.trim() ? { q: draft.trim() } : {});
        }}
      >
        <input className="input" aria-label={at('members.search')} placeholder={at('members.search')} maxLength={20} value={draft} onChange={(e) => setDraft(e.target.value)} />
        <Button type="submit" className="btn-small">
          {at('members.find')}
        </Button>
      </form>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorState message={describe(list.error)} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <p className="muted">{at('common.empty')}</p>
      ) : (
        <ul className="admin-list">
          {list.data.items.map((m) => (
            <MemberCard key={m.id} m={m} />
          ))}
        </ul>
      )}
    </section>
  );
}
