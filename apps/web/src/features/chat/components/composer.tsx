// Writing in a conversation: text (Enter sends, IME-safe), and from the + panel a photo, one
// of my items, or an offer on the conversation's item. Failures stay on screen in words with
// the way out (retry, unblock); the typed text is never lost.
import { type KeyboardEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BagIcon, PlusIcon } from '../../../ui/icons.tsx';
import { yuan } from '../../../lib/format.ts';
import { uploadPhoto } from '../../items/upload.ts';
import { PriceSheet } from '../../offers/components/price-sheet.tsx';
import { useSendMessage } from '../api.ts';
import { describeChatError, isRetryable } from '../errors.ts';
import type { Conversation, SendBody } from '../types.ts';
import { ImageIcon, YuanIcon } from './icons.tsx';
import { ItemPickerSheet } from './item-picker-sheet.tsx';

type Failure = { message: string; retry: SendBody | null };

export function Composer({ conversation, meId }: { conversation: Conversation; meId: string }) {
  const { t } = useTranslation();
  const send = useSendMessage(conversation.id);
  const [text, setText] = useState('');
  const [tools, setTools] = useState(false);
  const [picking, setPicking] = useState(false);
  const [offering, setOffering] = useState(false);
  const [upload, setUpload] = useState<number | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const item = conversation.item;
  const canOffer = !!item && item.sellerId !== meId && item.status === 'on_sale' && item.price > 0;

  const submit = (body: SendBody, showFailure = true) =>
    send.mutateAsync(body).then(
      () => {
        setFailure(null);
        if ('text' in body) setText((cur) => (cur.trim() === body.text ? '' : cur));
        setTools(false);
      },
      (err: unknown) => {
        const message = describeChatError(t, err);
        if (showFailure) setFailure({ message, retry: isRetryable(err) ? body : null });
        throw new Error(message);
      },
    );
  const quiet = (p: Promise<unknown>) => void p.catch(() => {}); // the failure is on screen already

  const sendText = () => {
    const body = text.trim();
    if (body && !send.isPending) quiet(submit({ text: body }));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      sendText();
    }
  };
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setFailure(null);
    setUpload(0);
    let mediaId: string;
    try {
      mediaId = (await uploadPhoto(file, (f) => setUpload(Math.round(f * 100)))).id;
    } catch (err) {
      setFailure({ message: describeChatError(t, err), retry: null });
      return;
    } finally {
      setUpload(null);
      if (fileRef.current) fileRef.current.value = '';
    }
    quiet(submit({ mediaId }));
  };

  return (
    <div className="chat-composer">
      {failure && (
        <div className="chat-fail" role="alert" data-testid="chat-error">
          <span>{failure.message}</span>
          {failure.retry && (
            <button type="button" className="link-btn" onClick={() => failure.retry && quiet(submit(failure.retry))}>
              {t('chat.composer.retry')}
            </button>
          )}
        </div>
      )}
      {upload !== null && (
        <p className="chat-uploading" role="status">
          {t('chat.composer.uploading', { percent: upload })}
        </p>
      )}
      <div className="chat-compose-row">
        <button
          type="button"
          className={tools ? 'icon-btn chat-plus chat-plus-on' : 'icon-btn chat-plus'}
          aria-label={t('chat.composer.tools')}
          aria-expanded={tools}
          onClick={() => setTools((v) => !v)}
        >
          <PlusIcon size={22} />
        </button>
        <textarea
          className="chat-input"
          rows={1}
          enterKeyHint="send"
          maxLength={1000}
          aria-label={t('chat.composer.label')}
          placeholder={t('chat.composer.placeholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          onFocus={() => setTools(false)}
        />
        <button
          type="button"
          className="btn btn-primary btn-small chat-send"
          disabled={!text.trim() || send.isPending}
          onClick={sendText}
        >
          {t('chat.composer.send')}
        </button>
      </div>
      {tools && (
        <div className="chat-tools">
          <button
            type="button"
            className="chat-tool"
            disabled={upload !== null}
            onClick={() => fileRef.current?.click()}
          >
            <span className="chat-tool-icon">
              <ImageIcon size={24} />
            </span>
            {t('chat.composer.photo')}
          </button>
          <button type="button" className="chat-tool" onClick={() => setPicking(true)}>
            <span className="chat-tool-icon">
              <BagIcon size={24} />
            </span>
            {t('chat.composer.item')}
          </button>
          {canOffer && (
            <button type="button" className="chat-tool" onClick={() => setOffering(true)}>
              <span className="chat-tool-icon">
                <YuanIcon size={24} />
              </span>
              {t('chat.composer.offer')}
            </button>
          )}
        </div>
      )}
      <input
        ref={fileRef}
        type="file"
        accept="image/jpeg,image/png,image/webp"
        hidden
        data-testid="chat-photo-input"
        onChange={(e) => void onFile(e.target.files?.[0])}
      />
      <ItemPickerSheet
        open={picking}
        busy={send.isPending}
        onPick={(itemId) => quiet(submit({ itemId }).then(() => setPicking(false)))}
        onClose={() => setPicking(false)}
      />
      {canOffer && item && (
        <PriceSheet
          open={offering}
          title={t('chat.offer.makeTitle')}
          label={t('chat.offer.makeLabel')}
          intro={t('chat.offer.makeIntro', { price: yuan(item.price) })}
          submitLabel={t('chat.offer.makeSend')}
          check={(fen) => (fen >= item.price ? t('chat.offer.mustBeLower', { price: yuan(item.price) }) : null)}
          onSubmit={(price) => submit({ offer: { price } }, false).then(() => undefined)}
          onClose={() => setOffering(false)}
        />
      )}
    </div>
  );
}
