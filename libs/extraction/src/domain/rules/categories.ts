import type { CommitmentCategory } from '@dyad/relations';
import { CATEGORY_LEXICON, MONEY } from '../lexicon/category.lexicon';

const PATTERNS = CATEGORY_LEXICON.map((entry) => ({ category: entry.category, pattern: new RegExp(entry.pattern.source, 'g') }));

interface Hit {
  readonly category: CommitmentCategory;
  readonly start: number;
  readonly end: number;
}

// The categories of the commitment whose object starts at `from`: the first category word, and
// those of objects coordinated with it.
export function categoriesIn(folded: string, from: number, to: number): CommitmentCategory[] {
  const span = objectSpan(folded.slice(from, to));
  const hits: Hit[] = [];
  for (const { category, pattern } of PATTERNS) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(span); m !== null; m = pattern.exec(span)) hits.push({ category, start: m.index, end: m.index + m[0].length });
  }
  // Longest match wins an overlap; earlier lexicon entries are more specific on ties.
  hits.sort((a, b) => b.end - b.start - (a.end - a.start));
  const kept: Hit[] = [];
  for (const hit of hits) if (!kept.some((k) => hit.start < k.end && hit.end > k.start)) kept.push(hit);
  kept.sort((a, b) => a.start - b.start);
  if (kept.length === 0) return MONEY.test(span) ? ['financial_support'] : [];
  const categories = [fundedObject(span, kept) ?? kept[0].category];
  let previous = kept[0];
  for (const hit of kept.slice(1)) {
    const between = span.slice(previous.end, hit.start);
    if (!isCoordinated(between)) continue;
    if (!categories.includes(hit.category)) categories.push(hit.category);
    previous = hit;
  }
  return categories;
}

// A participle or conjunction giving a reason ("…, invoquant des failles de sécurité", "…, citing
// security concerns") says why, not what: the object of the verb ends there.
const REASON = /,\s+(?:citing|invoking|arguing|saying|blaming|because|invoquant|arguant|evoquant|estimant|jugeant|au motif|en raison|parce qu|car)\b/;

function objectSpan(span: string): string {
  const reason = REASON.exec(span);
  return reason ? span.slice(0, reason.index) : span;
}

// Paying for a thing is a commitment about the thing: "jointly fund the modernisation of the
// border crossing" is infrastructure, "financer la construction d'un gazoduc" energy.
const FUNDING = /^(?:funds?|funding|financ\w*|cofinanc\w*|co-financ\w*)$/;
const COMPLEMENT = /^\s+(?:(?:the|a|an|its|their|la|le|les|l'|un|une|des|du|de|d'|of|for|pour)\s*|[\w-]+\s+){0,6}$/;

function fundedObject(span: string, kept: readonly Hit[]): CommitmentCategory | undefined {
  const [first, second] = kept;
  if (!second || !FUNDING.test(span.slice(first.start, first.end))) return undefined;
  const between = span.slice(first.end, second.start);
  return COMPLEMENT.test(between) && !/[,;]|\b(?:and|et)\b/.test(between) ? second.category : undefined;
}

// A second object is coordinated with the first ("des investissements et un soutien financier,
// ainsi qu'une assistance pour …"); a complement ("… licences de son pétrole et de son gaz") is not.
// After a bare comma the next object starts with an article or is the category word itself; a
// participle ("…, defusing a trade confrontation") starts another clause.
const ARTICLE_START = /^(?:(?:a|an|the|un|une|le|la|les|l'|its|their|his|her|son|sa|ses|leur|leurs|new|more|other|d'autres|plus|nouvel\w*)\b|$)/;

function isCoordinated(between: string): boolean {
  // The last conjunction before the object counts.
  const conjunction = /^.*(\band\b|\bet\b|\bas well as\b|\bainsi qu'?|,)([^,]*)$/s.exec(between);
  if (!conjunction) return false;
  const conjunct = conjunction[2].trim();
  if (/^(?:de|d'|du|des|of)\b/.test(conjunct.replace(/^(?:to|a)\s+/, ''))) return false;
  return conjunction[1] !== ',' || ARTICLE_START.test(conjunct);
}
