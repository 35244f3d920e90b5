// The console's texts join i18next when its chunk loads (this module runs once, before the
// console renders): members' pages never carry them. `useAdminT` is `t` over those keys, typed.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import i18n from '../../i18n/index.ts';
import { adminEn } from '../../i18n/admin.en.ts';
import { adminZhCN } from '../../i18n/admin.zh-CN.ts';

i18n.addResourceBundle('zh-CN', 'translation', { admin: adminZhCN }, true, false);
i18n.addResourceBundle('en', 'translation', { admin: adminEn }, true, false);

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
type Plural<K> = K extends `${infer B}_one` | `${infer B}_other` ? B : K;
export type AdminKey = Plural<Leaves<typeof adminZhCN>>;

type Translate = (key: string, vars?: Record<string, unknown>) => string;

export function useAdminT() {
  const { t } = useTranslation();
  const translate = t as unknown as Translate;
  return useCallback((key: AdminKey, vars?: Record<string, unknown>) => translate(`admin.${key}`, vars), [translate]);
}

export type AdminT = ReturnType<typeof useAdminT>;
