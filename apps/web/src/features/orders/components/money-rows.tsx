import { useTranslation } from 'react-i18next';
import { yuan } from '../../../lib/format.ts';

type Row = { label: string; amount: number; strong?: boolean; negative?: boolean };

/** A money breakdown: rows, then the total line (and optional lines after it). */
export function MoneyRows({ rows, total, after = [] }: { rows: Row[]; total: number; after?: Row[] }) {
  const { t } = useTranslation();
  const line = (r: Row, key: string, cls = '') => (
    <div key={key} className={`money-row ${cls}`}>
      <dt>{r.label}</dt>
      <dd>{r.negative ? `-${yuan(r.amount)}` : yuan(r.amount)}</dd>
    </div>
  );
  return (
    <dl className="money">
      {rows.map((r, i) => line(r, `r${i}`))}
      {line({ label: t('money.total'), amount: total }, 'total', 'money-total')}
      {after.map((r, i) => line(r, `a${i}`, r.strong ? 'money-strong' : ''))}
    </dl>
  );
}
