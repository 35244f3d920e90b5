// Writing a comment or a reply in a bottom sheet, optionally carrying one of my items on sale
// (借楼, "borrowing the floor" to sell) or a wanted request (求购: what, and up to how much).
import { parseYuan } from '@jishi/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../ui/alert.tsx';
import { Button } from '../../../ui/button.tsx';
import { TextAreaField, TextField } from '../../../ui/field.tsx';
import { BagIcon, TagIcon } from '../../../ui/icons.tsx';
import { Sheet } from '../../../ui/sheet.tsx';
import { ApiError } from '../../../lib/api.ts';
import { noteKey, useCreateComment } from '../api.ts';
import { brokenRuleText } from './stall-host.tsx';
import { useQueryClient } from '@tanstack/react-query';
import { describeCommunityError } from '../errors.ts';
import { type CommentInput, NOTE_LIMITS } from '../types.ts';
import type { Note, Reply } from '../types.ts';
import type { ReplyTarget } from './comment-item.tsx';
import { MyItemsPicker } from './my-items-picker.tsx';

type Attach = 'none' | 'item' | 'wanted';
type Errors = { body?: string; wantedTitle?: string; maxPrice?: string; item?: string };

export function CommentComposer({
  noteId,
  open,
  replyTo,
  onClose,
  onPosted,
}: {
  noteId: string;
  open: boolean;
  replyTo: ReplyTarget | null;
  onClose: () => void;
  /** The comment as the server stored it, so the page can show it without losing its place. */
  onPosted?: (comment: Reply) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateComment(noteId);
  const qc = useQueryClient();
  const [body, setBody] = useState('');
  const [attach, setAttach] = useState<Attach>('none');
  const [itemId, setItemId] = useState<string | null>(null);
  const [wantedTitle, setWantedTitle] = useState('');
  const [maxPrice, setMaxPrice] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);

  const reset = () => {
    setBody('');
    setAttach('none');
    setItemId(null);
    setWantedTitle('');
    setMaxPrice('');
    setErrors({});
    setFormError(null);
  };
  const close = () => {
    setErrors({});
    setFormError(null);
    onClose();
  };
  const toggle = (a: Attach) => {
    setAttach((x) => (x === a ? 'none' : a));
    setErrors({});
  };

  const build = (): { input: CommentInput | null; errors: Errors } => {
    const e: Errors = {};
    const text = body.trim();
    if ([...text].length > NOTE_LIMITS.commentMax) e.body = t('comments.errors.long', { max: NOTE_LIMITS.commentMax });
    const input: CommentInput = { body: text };
    if (replyTo) input.parentId = replyTo.parentId;
    if (attach === 'item') {
      if (itemId) input.itemId = itemId;
      else e.item = t('comments.errors.item');
    }
    if (attach === 'wanted') {
      const title = wantedTitle.trim();
      if (!title || [...title].length > NOTE_LIMITS.wantedTitleMax) e.wantedTitle = t('comments.errors.wantedTitle');
      const price = maxPrice.trim() ? parseYuan(maxPrice) : null;
      if (maxPrice.trim() && price === null) e.maxPrice = t('comments.errors.maxPrice');
      input.wanted = price === null ? { title } : { title, maxPrice: price };
    }
    if (!text && attach === 'none') e.body = t('comments.errors.empty');
    return { input: Object.keys(e).length ? null : input, errors: e };
  };

  const onSubmit = (ev: FormEvent) => {
    ev.preventDefault();
    setFormError(null);
    const { input, errors: e } = build();
    setErrors(e);
    if (!input) return;
    create.mutate(input, {
      onSuccess: (comment) => {
        reset();
        onClose();
        onPosted?.(comment);
      },
      onError: (err) => {
        const fe = err instanceof ApiError ? err : null;
        if (fe?.code === 'stall_rule_broken') {
          // The host's rule in words, from the note the reader is looking at.
          const rule = brokenRuleText(qc.getQueryData<Note>(noteKey(noteId)), fe.reason);
          setErrors({ item: rule ? t('stallHost.broken', { rule }) : t('communityErrors.stall_rule_broken') });
        } else if (fe?.fieldError('itemId')) setErrors({ item: describeCommunityError(t, err) });
        else if (fe?.fieldError('wanted')) setErrors({ wantedTitle: t('comments.errors.wantedTitle') });
        else if (fe?.fieldError('body')) setErrors({ body: t('comments.errors.empty') });
        else setFormError(describeCommunityError(t, err));
      },
    });
  };

  const title = replyTo ? t('comments.replyTo', { name: replyTo.name }) : t('comments.write');
  return (
    <Sheet open={open} title={title} onClose={close} className="composer-sheet">
      <form className="composer" onSubmit={onSubmit} noValidate>
        <TextAreaField
          label={t('comments.bodyLabel')}
          value={body}
          maxChars={NOTE_LIMITS.commentMax}
          rows={3}
          placeholder={replyTo ? title : t('comments.placeholder')}
          error={errors.body}
          onChange={(e) => setBody(e.target.value)}
        />
        <fieldset className="composer-attach" aria-label={t('comments.attach')}>
          <button
            type="button"
            className={attach === 'item' ? 'attach attach-on' : 'attach'}
            aria-pressed={attach === 'item'}
            onClick={() => toggle('item')}
          >
            <BagIcon size={16} />
            {t('comments.attachItem')}
          </button>
          <button
            type="button"
            className={attach === 'wanted' ? 'attach attach-on' : 'attach'}
            aria-pressed={attach === 'wanted'}
            onClick={() => toggle('wanted')}
          >
            <TagIcon size={16} />
            {t('comments.attachWanted')}
          </button>
        </fieldset>
        {attach === 'item' && (
          <div className="composer-panel">
            <p className="field-hint">{t('comments.attachItemHint')}</p>
            <MyItemsPicker
              label={t('comments.attachItem')}
              selected={itemId ? [itemId] : []}
              onToggle={(id) => setItemId((x) => (x === id ? null : id))}
            />
            {errors.item && <p className="field-error">{errors.item}</p>}
          </div>
        )}
        {attach === 'wanted' && (
          <div className="composer-panel">
            <TextField
              label={t('comments.wantedTitle')}
              value={wantedTitle}
              maxLength={NOTE_LIMITS.wantedTitleMax + 1}
              placeholder={t('comments.wantedTitlePlaceholder')}
              error={errors.wantedTitle}
              onChange={(e) => setWantedTitle(e.target.value)}
            />
            <TextField
              label={t('comments.wantedMaxPrice')}
              optional
              inputMode="decimal"
              value={maxPrice}
              placeholder={t('comments.wantedMaxPricePlaceholder')}
              error={errors.maxPrice}
              onChange={(e) => setMaxPrice(e.target.value)}
            />
          </div>
        )}
        <FormAlert message={formError} />
        <Button type="submit" block busy={create.isPending}>
          {create.isPending ? t('comments.sending') : t('comments.send')}
        </Button>
      </form>
    </Sheet>
  );
}
