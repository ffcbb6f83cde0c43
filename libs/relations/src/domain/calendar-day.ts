// Valid time is kept as calendar days (YYYY-MM-DD, UTC): articles rarely give an hour, and the
// matching rules speak in days (a meeting ±1 day, a recall within a year).
const DAY_MS = 86_400_000;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export function isCalendarDay(value: string): boolean {
  if (!DAY_PATTERN.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

// b − a in whole days.
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

export function dayOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

export function minDay(days: readonly string[]): string | null {
  return days.reduce<string | null>((min, day) => (min === null || day < min ? day : min), null);
}

// ISO days and instants (and the ASCII keys built from them) order as strings; comparing code
// points is right for them and far cheaper than localeCompare in the sorts of every decision.
export function compareIso(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// Whether instant `iso` is at or before `limit`. Instants as Dyad writes them (toISOString: UTC,
// fixed width) order as strings, which a view compares for every fact it folds; any other form
// of instant is parsed.
export function atOrBefore(limit: Date): (iso: string) => boolean {
  const limitIso = limit.toISOString();
  const limitMs = limit.getTime();
  if (!isWrittenInstant(limitIso)) return (iso) => Date.parse(iso) <= limitMs;
  return (iso) => (isWrittenInstant(iso) ? iso <= limitIso : Date.parse(iso) <= limitMs);
}

// YYYY-MM-DDTHH:mm:ss.sssZ
function isWrittenInstant(iso: string): boolean {
  return iso.length === 24 && iso.charCodeAt(10) === 84 && iso.charCodeAt(19) === 46 && iso.charCodeAt(23) === 90;
}
