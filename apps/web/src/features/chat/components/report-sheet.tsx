// 举报: a reason (and optional detail) for a member, a conversation or one message. Reports go
// to the operators' moderation queue; reporting twice is answered kindly, not as an error.
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api.ts';
import { FormAlert } from '../../../ui/alert.tsx';
import { Button } from '../../../ui/button.tsx';
import { TextAreaField } from '../../../ui/field.tsx';
import { CheckIcon } from '../../../ui/icons.tsx';
import { Sheet } from '../../../ui/sheet.tsx';
import { ChoiceField } from '../../items/components/choice-field.tsx';
import { type ReportInput, useReport } from '../api.ts';
import { describeChatError } from '../errors.ts';
import { REPORT_REASONS, type ReportReason } from '../types.ts';

export type ReportTarget = Pick<ReportInput, 'targetType' | 'targetId'> & { reason?: ReportReason };

export function ReportSheet({
  target,
  onClose,
  onDone,
}: {
  target: ReportTarget | null;
  onClose: () => void;
  onDone?: (t: ReportTarget) => void;
}) {
  const { t } = useTranslation();
  const report = useReport();
  const [reason, setReason] = useState<ReportReason | ''>('');
  const [detail, setDetail] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  useEffect(() => {
    setReason(target?.reason ?? '');
    setDetail('');
    setError(null);
    setDone(null);
  }, [target]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!target) return;
    if (!reason) return setError(t('errors.field.required'));
    setError(null);
    const body: ReportInput = {
      targetType: target.targetType,
      targetId: target.targetId,
      reason,
      ...(detail.trim() ? { detail: detail.trim() } : {}),
    };
    report.mutate(body, {
      onSuccess: () => {
        setDone(t('chat.report.done'));
        onDone?.(target);
      },
      onError: (err) => {
        if (err instanceof ApiError && err.code === 'already_reported') {
          setDone(t('chat.errors.already_reported'));
          onDone?.(target);
        } else setError(describeChatError(t, err));
      },
    });
  };

  return (
    <Sheet open={target !== null} title={t('chat.report.title')} onClose={onClose}>
      {done ? (
        <>
          <p className="form-ok" role="status">
            <CheckIcon size={16} /> {done}
          </p>
          <Button variant="secondary" block onClick={onClose}>
            {t('sheet.close')}
          </Button>
        </>
      ) : (
        <form className="form" onSubmit={submit} noValidate>
          <ChoiceField
            label={t('chat.report.reason')}
            options={REPORT_REASONS.map((r) => ({ key: r, label: t(`chat.report.reasons.${r}`) }))}
            value={reason}
            onChange={(v) => setReason(v as ReportReason)}
          />
          <TextAreaField
            label={t('chat.report.detail')}
            optional
            maxChars={500}
            maxLength={500}
            rows={3}
            placeholder={t('chat.report.detailPlaceholder')}
            value={detail}
            onChange={(e) => setDetail(e.target.value)}
          />
          <FormAlert message={error} />
          <Button type="submit" block busy={report.isPending}>
            {t('chat.report.submit')}
          </Button>
        </form>
      )}
    </Sheet>
  );
}
