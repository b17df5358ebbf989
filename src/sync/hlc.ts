// Hybrid logical clock stamps: `WWWWWWWWWWWWWWW.CCCCC.DEVICE` (milliseconds since 1970, 15 digits; a counter,
// 5 digits; the device id). Compared as strings they order like (time, counter, device): the newest wins, and
// two devices never make the same stamp. A stamp is never older than one this device has seen, whatever the
// two computers' clocks say.

export interface Hlc { wall: number; count: number }

export function stampOf(h: Hlc, device: string): string {
  return `${String(h.wall).padStart(15, '0')}.${String(h.count).padStart(5, '0')}.${device}`;
}

const STAMP = /^(\d{15})\.(\d{5})\.([0-9a-f]{16})$/;

export function parseStamp(s: string): { wall: number; count: number; device: string } | undefined {
  const m = STAMP.exec(s);
  return m ? { wall: Number(m[1]), count: Number(m[2]), device: m[3] } : undefined;
}

/** The next stamp for a change made at `at` (ms): after everything seen, and not before the change. */
export function tick(h: Hlc, at: number): Hlc {
  if (at > h.wall) return { wall: at, count: 0 };
  if (h.count >= 99_999) return { wall: h.wall + 1, count: 0 };
  return { wall: h.wall, count: h.count + 1 };
}

/** The clock after seeing another device's stamp. */
export function observe(h: Hlc, stamp: string): Hlc {
  const p = parseStamp(stamp);
  if (!p) return h;
  if (p.wall > h.wall || (p.wall === h.wall && p.count > h.count)) return { wall: p.wall, count: p.count };
  return h;
}

/** The time a stamp was made, as ISO 8601. */
export function stampTime(s: string): string | undefined {
  const p = parseStamp(s);
  return p ? new Date(p.wall).toISOString() : undefined;
}
