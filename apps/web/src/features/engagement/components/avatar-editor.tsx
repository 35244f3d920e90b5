// The avatar on 编辑资料: the current one and 更换头像, which opens the crop sheet (loaded on
// demand — it is not part of any first screen).
import { lazy, Suspense, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../accounts/api.ts';
import { Avatar } from '../../../ui/avatar.tsx';

const AvatarCropSheet = lazy(() => import('./avatar-crop.tsx'));

export function AvatarEditor({ me }: { me: Me }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  return (
    <div className="avatar-editor" data-testid="avatar-editor">
      <Avatar url={me.avatarUrl} name={me.displayName} size={72} />
      <button type="button" className="btn btn-secondary btn-small" onClick={() => input.current?.click()}>
        {t('engage.avatar.change')}
      </button>
      <input
        ref={input}
        type="file"
        accept="image/jpeg,image/png,image/webp"
        hidden
        data-testid="avatar-file"
        onChange={(e) => {
          setFile(e.target.files?.[0] ?? null);
          e.target.value = '';
        }}
      />
      {file && (
        <Suspense fallback={null}>
          <AvatarCropSheet file={file} onClose={() => setFile(null)} />
        </Suspense>
      )}
    </div>
  );
}
