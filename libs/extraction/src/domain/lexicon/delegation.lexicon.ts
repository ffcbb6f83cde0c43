import type { DelegationRule } from './trigger-rule';

// Who led a delegation. Sources: protocol phrasing in wire copy ("the delegation was headed by",
// "la délégation était conduite par"); the country is the demonym or name next to "delegation".
export const DELEGATION_RULES: readonly DelegationRule[] = [
  {
    id: 'en.delegation.headed-by',
    language: 'en',
    leader: 'after',
    pattern: /\b(?:delegation|side|team)\s*,?\s+(?:(?:was\s+|is\s+|were\s+)?(?:(?:headed|led|chaired|represented)\s+)?by|(?:[\w-]+\s+){1,4}?(?:was|were|is)\s+(?:headed|led|chaired)\s+by)\b/,
    source: 'Protocol phrasing: "the X delegation was headed/led by"',
    example: 'The Japanese delegation was headed by Foreign Minister Takeshi Iwaya at the talks with South Korea in Seoul on Monday.',
    nearMiss: 'The Japanese delegation was welcomed by a crowd in Seoul on Monday.',
  },
  {
    id: 'en.delegation.led',
    language: 'en',
    leader: 'before',
    pattern: /\b(?:headed|led)\s+(?:the|a|an|his|her)\s+(?:[\w-]+\s+){0,2}?delegation\b/,
    source: 'Active phrasing: "X led the Y delegation"',
    example: 'Foreign Minister Takeshi Iwaya led the Japanese delegation at the talks with South Korea in Seoul on Monday.',
    nearMiss: 'A crowd led the Japanese delegation to its hotel in Seoul on Monday.',
  },
  {
    id: 'fr.delegation.conduite-par',
    language: 'fr',
    leader: 'after',
    pattern: /\b(?:delegation|partie)\s+(?:[\w-]+\s+){0,3}?(?:etait|est|a ete|sera|etant)?\s*(?:conduite|menee|emmenee|dirigee|presidee|pilotee|representee)\s+par\b/,
    source: 'Protocole : « la délégation X était conduite/emmenée par »',
    example: 'La délégation japonaise était conduite par le ministre des Affaires étrangères, Takeshi Iwaya, lors des pourparlers avec la Corée du Sud.',
    nearMiss: 'La délégation japonaise était conduite par un guide jusqu\'à son hôtel.',
  },
];
