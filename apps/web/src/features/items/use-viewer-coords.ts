// The viewer's position for "how far is it", only when the browser already allows it: an item
// page never pops a location prompt on its own.
import { useEffect, useState } from 'react';
import type { Coords } from './api.ts';

export function useViewerCoords(): Coords {
  const [coords, setCoords] = useState<Coords>(null);
  useEffect(() => {
    let live = true;
    if (!('geolocation' in navigator) || !navigator.permissions?.query) return;
    navigator.permissions
      .query({ name: 'geolocation' })
      .then((p) => {
        if (p.state !== 'granted' || !live) return;
        navigator.geolocation.getCurrentPosition(
          (pos) => live && setCoords({ lat: +pos.coords.latitude.toFixed(3), lng: +pos.coords.longitude.toFixed(3) }),
          () => undefined,
          { maximumAge: 600_000, timeout: 10_000 },
        );
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return coords;
}
