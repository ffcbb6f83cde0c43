// Titles and functions that introduce or follow a person's name in news prose, on folded text
// (lower case, no accents). Sources: the usual titles of government and diplomatic office in
// French and English wire copy (AFP, Reuters, AP style guides).
const EN_ROLES = [
  'president', 'vice president', 'prime minister', 'premier', 'minister', 'secretary', 'chancellor', 'king', 'queen',
  'crown prince', 'prince', 'emir', 'sultan', 'leader', 'supreme leader', 'spokesman', 'spokeswoman', 'spokesperson',
  'envoy', 'ambassador', 'adviser', 'advisor', 'director', 'chief', 'head', 'commander', 'general', 'chairman', 'chair',
  'governor', 'diplomat', "charge d'affaires", 'counterpart', 'representative', 'negotiator', 'deputy', 'mayor',
  'senator', 'speaker', 'ayatollah', 'marshal', 'admiral',
];
const FR_ROLES = [
  'president', 'presidente', 'vice-president', 'vice-presidente', 'premier ministre', 'premiere ministre', 'ministre',
  'vice-ministre', 'secretaire', 'chancelier', 'chanceliere', 'roi', 'reine', 'prince', 'prince heritier', 'emir', 'sultan',
  'dirigeant', 'dirigeante', 'leader', 'chef', 'porte-parole', 'emissaire', 'envoye', 'envoyee', 'ambassadeur',
  'ambassadrice', 'conseiller', 'conseillere', 'directeur', 'directrice', 'commandant', 'general', 'gouverneur', 'maire',
  'diplomate', "charge d'affaires", 'homologue', 'representant', 'representante', 'negociateur', 'maitre', 'guide supreme',
  'vice-premier ministre', 'vice-premiere ministre', 'premiere vice-premiere ministre', 'premier vice-premier ministre',
];

function alternation(words: readonly string[]): string {
  return [...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/[-' ]/g, '[-\' ]')).join('|');
}

export const ROLE_PATTERN = new RegExp(`\\b(?:${alternation([...EN_ROLES, ...FR_ROLES])})s?\\b`, 'g');
// Words that can stand for a person already named ("the Russian president", "le leader syrien").
export const TITLE_REFERENCE = new RegExp(`\\b(?:${alternation(['president', 'leader', 'dirigeant', 'chef de l\'etat', 'maitre', 'prime minister', 'premier ministre', 'chancellor', 'chancelier', 'king', 'roi', 'foreign minister', 'chef de la diplomatie'])})\\b`);
// Honorifics before a surname: "M. Rubio", "Mme Svyrydenko", "Mr Lammy".
export const HONORIFIC = /^(?:M|Mme|Mlle|Mr|Mrs|Ms|Dr)\.?$/;
