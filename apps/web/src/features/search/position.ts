// Where the viewer is, for 附近 and distance sorts: the browser's position when the member allows
// it (asked only on a tap, rounded to ~100 m like everything stored), otherwise a district they
// picked from a short list matching the community's places. The choice is remembered on this
// device only; it is never sent anywhere but as the lat/lng of a search.
import { useCallback, useEffect, useState } from 'react';
import { coarse, type Coords } from '../places/place.ts';

export type District = { key: string; zh: string; en: string } & Coords;

export const DISTRICTS: readonly District[] = [
  { key: 'sh-jingan', zh: '上海 静安', en: 'Shanghai · Jing’an', lat: 31.223, lng: 121.446 },
  { key: 'sh-xujiahui', zh: '上海 徐家汇', en: 'Shanghai · Xujiahui', lat: 31.195, lng: 121.437 },
  { key: 'sh-wujiaochang', zh: '上海 五角场', en: 'Shanghai · Wujiaochang', lat: 31.299, lng: 121.514 },
  { key: 'sh-gubei', zh: '上海 古北', en: 'Shanghai · Gubei', lat: 31.196, lng: 121.398 },
  { key: 'hz-wensan', zh: '杭州 文三路', en: 'Hangzhou · Wensan Rd', lat: 30.279, lng: 120.131 },
  { key: 'hz-binjiang', zh: '杭州 滨江', en: 'Hangzhou · Binjiang', lat: 30.208, lng: 120.211 },
  { key: 'bj-zhongguancun', zh: '北京 中关村', en: 'Beijing · Zhongguancun', lat: 39.983, lng: 116.316 },
  { key: 'bj-wangjing', zh: '北京 望京', en: 'Beijing · Wangjing', lat: 39.996, lng: 116.47 },
  { key: 'gz-tianhe', zh: '广州 天河', en: 'Guangzhou · Tianhe', lat: 23.137, lng: 113.325 },
  { key: 'cd-chunxi', zh: '成都 春熙路', en: 'Chengdu · Chunxi Rd', lat: 30.657, lng: 104.081 },
  { key: 'nj-xianlin', zh: '南京 仙林', en: 'Nanjing · Xianlin', lat: 32.106, lng: 118.917 },
  { key: 'sz-nanshan', zh: '深圳 南山', en: 'Shenzhen · Nanshan', lat: 22.54, lng: 113.946 },
];

const KEY = 'jishi.position';

export type Position =
  | { source: 'device'; coords: Coords }
  | { source: 'district'; coords: Coords; district: string }
  | null;

function stored(): Position {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Position;
    if (v && typeof v.coords?.lat === 'number' && typeof v.coords?.lng === 'number') return v;
  } catch {}
  return null;
}

function remember(p: Position) {
  try {
    if (p) localStorage.setItem(KEY, JSON.stringify(p));
    else localStorage.removeItem(KEY);
  } catch {}
}

export type PositionState = {
  position: Position;
  status: 'idle' | 'locating' | 'denied';
  locate: () => void;
  chooseDistrict: (key: string) => void;
};

export function usePosition(): PositionState {
  const [position, setPosition] = useState<Position>(stored);
  const [status, setStatus] = useState<PositionState['status']>('idle');
  useEffect(() => remember(position), [position]);
  const locate = useCallback(() => {
    if (!('geolocation' in navigator)) {
      setStatus('denied');
      return;
    }
    setStatus('locating');
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setStatus('idle');
        setPosition({ source: 'device', coords: { lat: coarse(pos.coords.latitude), lng: coarse(pos.coords.longitude) } });
      },
      () => setStatus('denied'),
      { maximumAge: 600_000, timeout: 10_000 },
    );
  }, []);
  const chooseDistrict = useCallback((key: string) => {
    const d = DISTRICTS.find((x) => x.key === key);
    if (d) setPosition({ source: 'district', coords: { lat: d.lat, lng: d.lng }, district: d.key });
  }, []);
  return { position, status, locate, chooseDistrict };
}
