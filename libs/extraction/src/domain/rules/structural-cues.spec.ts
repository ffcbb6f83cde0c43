import { RuleExtractor } from '../extract-facts';

// Structural cues and object nouns of the rules, each with a sentence it catches and a near miss
// it must leave alone, on countries and phrasings the annotated corpus does not have.
const extractor = new RuleExtractor();
const PUBLISHED = '2025-06-13';

function facts(text: string, language: 'fr' | 'en'): string[] {
  return extractor.extract({ text, title: '', publishedAt: PUBLISHED, language }).facts.map((fact) => {
    switch (fact.type) {
      case 'CommitmentMade':
        return `${fact.type} ${fact.promisor}>${fact.beneficiary} ${fact.category}`;
      case 'CommitmentStatusChanged':
        return `${fact.type} ${fact.promisor}>${fact.beneficiary} ${fact.category} ${fact.status}`;
      case 'DelegationListed':
        return `${fact.type} ${fact.country} ${fact.leader}`;
      default:
        return `${fact.type} ${fact.dyad}`;
    }
  });
}

const CUES: readonly { cue: string; language: 'fr' | 'en'; catches: string; fact: string; nearMiss: string }[] = [
  {
    cue: 'the party named by "under which X will" promises alone',
    language: 'en',
    catches: 'Kenya and Uganda signed an agreement on Monday under which Kenya will build a pipeline to Uganda.',
    fact: 'CommitmentMade KE>UG energy',
    nearMiss: 'Kenya and Uganda discussed on Monday a pipeline to Uganda.',
  },
  {
    cue: 'the subject of the terms of an agreement promises alone',
    language: 'fr',
    catches: "Le Maroc et l'Espagne ont signé lundi un accord aux termes duquel l'Espagne financera un port à Tanger.",
    fact: 'CommitmentMade ES>MA infrastructure',
    nearMiss: "Le Maroc et l'Espagne ont évoqué lundi un port à Tanger.",
  },
  {
    cue: 'a subject set off by "for its part" keeps its verb',
    language: 'en',
    catches: 'Ghana, for its part, undertook on Monday to lift tariffs on Togolese cement.',
    fact: 'CommitmentMade GH>TG trade',
    nearMiss: 'Analysts, for their part, undertook on Monday a review of tariffs on Togolese cement.',
  },
  {
    cue: '"les deux capitales" is the pair in focus',
    language: 'fr',
    catches: 'Le Bénin et le Togo ont signé lundi un accord. Les deux capitales se sont par ailleurs engagées à cofinancer un pont sur le fleuve Mono.',
    fact: 'CommitmentMade TG>BJ infrastructure',
    nearMiss: 'Le Bénin et le Togo ont signé lundi un accord. Les deux capitales pourraient cofinancer un pont sur le fleuve Mono.',
  },
  {
    cue: 'the object of the verb gives the category, not the reason given after it',
    language: 'en',
    catches: 'Ecuador suspended the recruitment of seasonal workers for Chile on Monday, citing security concerns.',
    fact: 'CommitmentStatusChanged EC>CL other suspended',
    nearMiss: 'Ecuador suspended a customs officer on the Chilean border on Monday, citing security concerns.',
  },
  {
    cue: 'funding an infrastructure object is infrastructure',
    language: 'en',
    catches: 'Japan pledged on Monday to fund the upgrade of the port of Mombasa for Kenya.',
    fact: 'CommitmentMade JP>KE infrastructure',
    nearMiss: 'Japan might fund the upgrade of the port of Mombasa for Kenya.',
  },
  {
    cue: 'a flow that began is a commitment in progress',
    language: 'en',
    catches: 'Azerbaijani gas began flowing to Serbia on Monday through the new interconnector.',
    fact: 'CommitmentStatusChanged AZ>RS energy in_progress',
    nearMiss: 'Azerbaijani gas could begin flowing to Serbia next year through the new interconnector.',
  },
  {
    cue: 'renouncing a promised act withdraws it',
    language: 'fr',
    catches: 'La Tunisie renonce à ouvrir une ambassade au Soudan, a annoncé mardi Tunis.',
    fact: 'CommitmentStatusChanged TN>SD diplomatic_support withdrawn',
    nearMiss: 'La Tunisie ne renonce pas à ouvrir une ambassade au Soudan, a annoncé mardi Tunis.',
  },
  {
    cue: 'a high commissioner is a diplomatic object',
    language: 'en',
    catches: 'Australia and Fiji agreed on Tuesday to name new high commissioners.',
    fact: 'CommitmentMade FJ>AU diplomatic_support',
    nearMiss: 'Australia and Fiji agreed on Tuesday to name new football coaches.',
  },
  {
    cue: 'an official regret is a protest',
    language: 'fr',
    catches: "Le ministère algérien des Affaires étrangères a exprimé mardi son « profond regret » et a demandé des explications à l'ambassadeur du Niger.",
    fact: 'TensionReported DZ-NE',
    nearMiss: "Le ministère algérien des Affaires étrangères a exprimé mardi son attachement à l'amitié avec le Niger.",
  },
  {
    cue: 'criticism by groups of society is not a friction between states',
    language: 'en',
    catches: 'Germany criticised Turkey on Monday over the arrests.',
    fact: 'TensionReported DE-TR',
    nearMiss: 'Diaspora groups in Germany criticised Turkey on Monday over the arrests.',
  },
  {
    cue: 'repairing ties eases a tension',
    language: 'en',
    catches: 'Peru and Mexico took a first step on Monday to repair ties.',
    fact: 'TensionEased MX-PE',
    nearMiss: 'Peru and Mexico might try to repair ties next year.',
  },
  {
    cue: 'a row "behind us" is eased',
    language: 'en',
    catches: 'Bolivian President Luis Arce said on Monday that the row with Chile is behind us.',
    fact: 'TensionEased BO-CL',
    nearMiss: 'Bolivian President Luis Arce said on Monday that the row with Chile is far from settled.',
  },
  {
    cue: 'a thaw that ended is not an easing',
    language: 'en',
    catches: 'The thaw between Serbia and Kosovo continued on Monday.',
    fact: 'TensionEased RS-XK',
    nearMiss: 'The thaw between Serbia and Kosovo proved short-lived.',
  },
  {
    cue: 'a relative clause after a thaw describes the past, not its end',
    language: 'en',
    catches: 'Peru and Mexico took a first step on Monday to repair ties that collapsed in 2022.',
    fact: 'TensionEased MX-PE',
    nearMiss: 'The thaw between Peru and Mexico has ended.',
  },
  {
    cue: 'promised forces now deployed fulfil the promise',
    language: 'fr',
    catches: "Le Guatemala a tenu parole, selon le Honduras : les 2 000 gardes-frontières promis sont désormais déployés le long de la frontière hondurienne.",
    fact: 'CommitmentStatusChanged GT>HN security fulfilled',
    nearMiss: "Le Guatemala pourrait déployer 2 000 gardes-frontières le long de la frontière hondurienne, selon le Honduras.",
  },
  {
    cue: 'a single name right after a title is a person',
    language: 'en',
    catches: 'The Thai delegation was headed by Foreign Minister Maris at the talks with Cambodia in Bangkok on Monday.',
    fact: 'DelegationListed TH Maris',
    nearMiss: 'The Thai delegation was headed by Maris at the talks with Cambodia in Bangkok on Monday.',
  },
];

describe('the structural cues of the rules', () => {
  it.each(CUES.map((entry) => [entry.cue, entry] as const))('should apply when %s', (_cue, entry) => {
    expect(facts(entry.catches, entry.language)).toContain(entry.fact);
    expect(facts(entry.nearMiss, entry.language)).not.toContain(entry.fact);
  });

  it('should not read a signing both ways when its terms name who promises', () => {
    expect(facts('Kenya and Uganda signed an agreement on Monday under which Kenya will build a pipeline to Uganda.', 'en')).not.toContain('CommitmentMade UG>KE energy');
    expect(facts("Le Maroc et l'Espagne ont signé lundi un accord aux termes duquel l'Espagne financera un port à Tanger.", 'fr')).not.toContain('CommitmentMade MA>ES infrastructure');
  });
});
