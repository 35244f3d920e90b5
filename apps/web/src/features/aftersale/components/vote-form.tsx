// A juror's vote: refund or release, and why. Blind: nobody sees another juror's vote.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../ui/alert.tsx';
import { Button } from '../../../ui/button.tsx';
import { TextAreaField } from '../../../ui/field.tsx';
import { type AfterSaleCase, type Verdict, useVote } from '../api.ts';
import { describeCaseError } from '../format.ts';
import { Choices } from './choices.tsx';

export function VoteForm({ c }: { c: AfterSaleCase }) {
  const { t } = useTranslation();
  const vote = useVote(c.id);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ verdict?: string; reason?: string }>({});
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs: typeof errors = {};
    if (!verdict) errs.verdict = t('jury.voteTitle');
    if (!reason.trim()) errs.reason = t('jury.reasonRequired');
    setErrors(errs);
    if (!verdict || Object.keys(errs).length > 0) return;
    vote.mutate({ verdict, reason: reason.trim() }, { onError: (err) => setError(describeCaseError(t, err)) });
  };
  return (
    <form className="form card" onSubmit={submit} noValidate data-testid="vote-form">
      <Choices
        name="verdict"
        label={t('jury.voteTitle')}
        options={[
          { value: 'refund' as const, label: t('jury.refund') },
          { value: 'release' as const, label: t('jury.release') },
        ]}
        value={verdict}
        onChange={setVerdict}
        error={errors.verdict}
      />
      <TextAreaField
        label={t('jury.reasonLabel')}
        placeholder={t('jury.reasonPlaceholder')}
        maxChars={500}
        maxLength={500}
        rows={3}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={errors.reason}
      />
      <FormAlert message={error} />
      <Button type="submit" block busy={vote.isPending}>
        {t('jury.submit')}
      </Button>
    </form>
  );
}

/** After the vote, or when the duty ended: what the juror did, or why they need not. */
export function MyVote({ c }: { c: AfterSaleCase }) {
  const { t } = useTranslation();
  const v = c.myVote;
  if (!v || v.status === 'pending') return null;
  return (
    <section className="card" data-testid="my-vote">
      {v.status === 'voted' && v.verdict ? (
        <>
          <p className="case-verdict">{t('jury.voted', { verdict: t(`jury.outcome.${v.verdict}`) })}</p>
          {v.reason && <p className="muted">{t('jury.votedReason', { reason: v.reason })}</p>}
        </>
      ) : (
        <p className="muted">{v.status === 'missed' ? t('jury.missed') : t('jury.dismissed')}</p>
      )}
    </section>
  );
}
