// The buyer's pickup code (SPEC C4): six digits, big, and the same as a QR code drawn here in
// the browser (no network) for the seller to read at the hand-over.
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

export function PickupCode({ code }: { code: string }) {
  const { t } = useTranslation();
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toString(code, {
      type: 'svg',
      margin: 1,
      errorCorrectionLevel: 'M',
      color: { dark: '#222222', light: '#ffffff' },
    })
      .then((s) => live && setSvg(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(s)}`))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [code]);
  return (
    <section className="card pickup" aria-labelledby="pickup-title" data-testid="pickup-code">
      <h2 className="card-title" id="pickup-title">
        {t('order.pickupTitle')}
      </h2>
      <p className="pickup-digits mono">{code}</p>
      {svg && <img className="pickup-qr" src={svg} alt={t('order.pickupQr')} width={168} height={168} />}
      <p className="muted small">{t('order.pickupHint')}</p>
    </section>
  );
}
