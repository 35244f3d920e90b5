// Time comes from a clock so tests can move it (account age, expiries) without sleeping.
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

export function fixedOffsetClock(offsetMs = 0): Clock & { advance(ms: number): void } {
  let offset = offsetMs;
  return {
    now: () => new Date(Date.now() + offset),
    advance(ms: number) {
      offset += ms;
    },
  };
}

export const DAY_MS = 86_400_000;
