import type { CountryCode } from '@dyad/relations';
import type { ArticleAnalysis } from '../analysis/article-analysis';
import { actingCountries } from '../analysis/article-analysis';
import { EASING_RULES, TENSION_RULES } from '../lexicon/tension.lexicon';
import type { TensionRule } from '../lexicon/trigger-rule';
import { PAIR_REFERENCE, type Candidate } from './candidate';
import { dateOf, findTriggers, isAsserted, type TriggerMatch } from './trigger-match';

// A noun of friction governed by a preposition of time recalls it ("after the humiliation",
// "après le fiasco"): background.
const GOVERNED_BEFORE = /\b(?:after|following|since|before|apres|avant|depuis|lors)\s+(?:(?:the|a|an|la|le|les|l'|ce|cette)\s*)?(?:[\w-]+\s+)?$/;

const NON_STATE_SUBJECT = /\b(?:protesters|demonstrators|manifestants|opposition|opposants|critics|citizens|residents|activists|militants|students|etudiants|unions|syndicats|crowds?|foule)\b[^,;]{0,60}$/;

// Criticism by groups of society (NGOs, diasporas, employers, the press) or held for a long time is
// not a friction between the two states, and reports no new event.
const SOCIETY_SUBJECT = /\b(?:groups|organi[sz]ations|associations|ngos|ong|diaspora|employers|companies|firms|businesses|media|newspapers|analysts|experts|lobb(?:y|ies)|groupes|employeurs|entreprises|medias|journaux|analystes|experts)\b[^,;]{0,60}$/;
const LONG_HELD = /\b(?:(?:have|has|had) long|long-standing|for years|for decades|depuis (?:des annees|longtemps|des decennies)|de longue date)\b/;

// "Le dégel aura été de courte durée", "the thaw was short-lived": the easing ended.
// A relative clause ("ties that collapsed in 2024") describes the past, not the easing.
const EASING_ENDED = /^(?:(?!\b(?:that|which|who|qui|que|dont)\b)[^.;]){0,40}?\b(?:(?:a|aura|aurait) (?:ete de courte duree|fait long feu|tourne court|pris fin)|(?:was|has been|proved) short-lived|(?:is|was) over|(?:has )?(?:ended|collapsed|unravell?ed))\b/;

interface LocusHint {
  readonly pair: readonly CountryCode[];
  readonly locus: CountryCode;
}

// The two countries around a friction verb: the subject before it and the first other country
// after it; for a noun, the two acting countries of the sentence or the pair in focus.
function sides(analysis: ArticleAnalysis, match: TriggerMatch<TensionRule>): { subject?: CountryCode; object?: CountryCode; pair: CountryCode[] } {
  const { sentence } = match;
  const acting = sentence.actors.filter((a) => !a.locative);
  const subject = acting.filter((a) => a.end <= match.start && a.start >= match.clause.start)[0]?.country ?? acting.filter((a) => a.end <= match.start)[0]?.country;
  const object = acting.find((a) => a.start >= match.end && a.country !== subject)?.country;
  if (subject && object) return { subject, object, pair: [subject, object] };
  const countries = actingCountries(acting);
  if (countries.length === 2) return { subject, object, pair: countries };
  const focus = analysis.focus[sentence.index];
  if (focus && countries.length === 0 && PAIR_REFERENCE.test(analysis.folded.slice(sentence.start, sentence.end))) return { pair: [...focus] };
  // One side named, the other the pair in focus ("Les autorités brésiliennes ont protesté").
  if (focus && countries.length === 1 && focus.includes(countries[0])) {
    const other = focus.find((c) => c !== countries[0]) as CountryCode;
    return subject ? { subject, object: other, pair: [...focus] } : { subject: other, object: countries[0], pair: [...focus] };
  }
  return { subject, object, pair: [] };
}

function locusFor(rule: TensionRule, side: ReturnType<typeof sides>): CountryCode | undefined {
  if (rule.locus === 'subject') return side.subject;
  if (rule.locus === 'object') return side.object;
  return undefined;
}

// Where the friction is felt inside one country: the country named right after the cue ("au sein
// de la population syrienne"), and the partner whose dealings caused it.
// For a popular protest, the place where it happens ("protests in Yerevan, where demonstrators …"),
// else the side of the pair in focus that the protest does not name as the cause ("opposition MPs
// accused the government …, arguing that more Ethiopian power means …").
function domestic(analysis: ArticleAnalysis, match: TriggerMatch<TensionRule>, popular: boolean): { locus: CountryCode; partner: CountryCode } | undefined {
  const { sentence } = match;
  const focus = analysis.focus[sentence.index];
  const place = popular ? [...sentence.actors].reverse().find((a) => a.locative && a.end <= match.start) : undefined;
  const cause = popular && !place ? sentence.actors.find((a) => !a.locative)?.country : undefined;
  const home = cause && focus?.includes(cause) ? focus.find((c) => c !== cause) : undefined;
  const locus = place?.country ?? home ?? sentence.actors.find((a) => a.start >= match.start)?.country ?? sentence.actors[0]?.country;
  if (!locus) return undefined;
  const partner = sentence.actors.find((a) => a.country !== locus && !a.locative)?.country ?? focus?.find((c) => c !== locus);
  return partner && (!focus || focus.includes(locus) || sentence.actors.some((a) => a.country === partner)) ? { locus, partner } : undefined;
}

export function tensionCandidates(analysis: ArticleAnalysis): Candidate[] {
  const candidates: Candidate[] = [];
  const hints: LocusHint[] = [];
  const easings = findTriggers(analysis, EASING_RULES);
  for (const match of findTriggers(analysis, TENSION_RULES)) {
    const { rule } = match;
    if (easings.some((e) => e.start < match.end && e.end > match.start)) continue;
    const side = sides(analysis, match);
    const hinted = locusFor(rule, side);
    // Even a recalled grievance tells which side bears the friction between the two.
    if (hinted && side.pair.length === 2) hints.push({ pair: side.pair, locus: hinted });
    else if (hinted) hints.push({ pair: [hinted], locus: hinted });
    if (GOVERNED_BEFORE.test(analysis.folded.slice(Math.max(match.sentence.start, match.start - 40), match.start))) continue;
    const subjectSpan = analysis.folded.slice(match.clause.start, match.start);
    // Protest by people rather than a state ("des manifestants ont dénoncé") is felt at home.
    const popular = rule.scope === 'bilateral' && NON_STATE_SUBJECT.test(subjectSpan);
    if (LONG_HELD.test(subjectSpan) || (!popular && SOCIETY_SUBJECT.test(subjectSpan))) continue;
    if (rule.scope === 'domestic' || popular) {
      const found = domestic(analysis, match, popular);
      if (!found || !isAsserted(analysis, match)) continue;
      const date = dateOf(analysis, match);
      candidates.push(tension(match, [found.locus, found.partner], 'domestic', found.locus, rule.severity, date?.day ?? null));
      continue;
    }
    if (side.pair.length !== 2 || !isAsserted(analysis, match)) continue;
    const date = dateOf(analysis, match);
    candidates.push(tension(match, [side.pair[0], side.pair[1]], rule.scope, hinted ?? '', rule.severity, date?.day ?? null));
  }
  for (const match of easings) {
    const countries = actingCountries(match.sentence.actors);
    const focus = analysis.focus[match.sentence.index];
    const pair = countries.length >= 2 ? countries.slice(0, 2) : focus && (countries.length === 0 || PAIR_REFERENCE.test(analysis.folded.slice(match.sentence.start, match.sentence.end))) ? [...focus] : [];
    if (pair.length !== 2 || !isAsserted(analysis, match)) continue;
    if (EASING_ENDED.test(analysis.folded.slice(match.end, match.clause.end))) continue;
    const date = dateOf(analysis, match);
    candidates.push({
      body: { type: 'TensionEased', scope: 'bilateral', locus: '', subject: match.sentence.text },
      countries: [pair[0], pair[1]],
      sentence: match.sentence,
      confidence: 0.7,
      day: date?.day ?? null,
      month: null,
    });
  }
  return candidates.map((candidate) => withLocus(candidate, hints));
}

function tension(match: TriggerMatch<TensionRule>, countries: [CountryCode, CountryCode], scope: TensionRule['scope'], locus: CountryCode, severity: TensionRule['severity'], day: string | null): Candidate {
  return {
    body: { type: 'TensionReported', scope, locus, subject: match.sentence.text, severity },
    countries,
    sentence: match.sentence,
    confidence: 0.7,
    day,
    month: null,
  };
}

// An unmarked locus takes the side a grievance verb of the article marked for the same pair
// (corpus convention: the aggrieved party), else the second country named.
function withLocus(candidate: Candidate, hints: readonly LocusHint[]): Candidate {
  const body = candidate.body;
  if ((body.type !== 'TensionReported' && body.type !== 'TensionEased') || body.locus !== '') return candidate;
  const hint =
    hints.find((h) => h.pair.length === 2 && candidate.countries.includes(h.pair[0]) && candidate.countries.includes(h.pair[1])) ??
    hints.find((h) => h.pair.length === 1 && candidate.countries.includes(h.locus));
  return { ...candidate, body: { ...body, locus: hint?.locus ?? candidate.countries[1] } };
}
