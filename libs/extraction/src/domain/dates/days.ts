const DAY_MS = 86_400_000;

// b − a in whole days, for YYYY-MM-DD calendar days.
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}
