// Items grouped by key in the order keys first appear; items whose key is null are left out.
export function groupBy<T, Item extends T = T>(items: readonly T[], keyOf: (item: T) => string | null): Map<string, Item[]> {
  const groups = new Map<string, Item[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === null) continue;
    const group = groups.get(key);
    if (group) group.push(item as Item);
    else groups.set(key, [item as Item]);
  }
  return groups;
}
