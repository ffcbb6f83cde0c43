import type { CandidateFact } from '@dyad/relations';
import { AliasTable } from './actors/alias-table';
import { KNOWN_ACTORS } from './actors/known-actors.data';
import { RuleExtractor } from './extract-facts';
import { factKey } from '../testing/fact-key';

const extractor = new RuleExtractor();

function facts(text: string, publishedAt = '2025-06-13', title = ''): CandidateFact[] {
  return [...extractor.extract({ text, title, publishedAt }).facts];
}

function keys(found: readonly CandidateFact[]): string[] {
  return found.map(factKey).sort();
}

describe('RuleExtractor', () => {
  describe('languages', () => {
    it('should refuse an article in another language with a stable code', () => {
      expect(() => facts('El presidente de Brasil se reunió el miércoles en Pekín con su homólogo chino para hablar de comercio.')).toThrow(
        expect.objectContaining({ code: 'EXTRACTION.UNSUPPORTED_LANGUAGE' }),
      );
    });

    it('should read an article in the language the caller names', () => {
      const result = extractor.extract({ text: 'Brazil and China signed a trade agreement on Wednesday.', title: '', publishedAt: '2025-06-13', language: 'en' });
      expect(result.language).toBe('en');
    });

    it('should refuse a named language other than French or English', () => {
      expect(() => extractor.extract({ text: 'Brazil and China signed a trade agreement.', title: '', publishedAt: '2025-06-13', language: 'de' })).toThrow(
        expect.objectContaining({ code: 'EXTRACTION.UNSUPPORTED_LANGUAGE' }),
      );
    });
  });

  describe('dates', () => {
    it('should resolve a weekday to the last such day before a Friday publication', () => {
      const [meeting] = facts('French President Emmanuel Macron met German Chancellor Friedrich Merz in Berlin on Wednesday.');
      expect(meeting).toMatchObject({ type: 'MeetingHeld', dyad: 'DE-FR', date: '2025-06-11', occurredAt: '2025-06-11', occurredAtSource: 'text' });
    });

    it('should date a fact by its publication when the text names no day', () => {
      const [meeting] = facts('À Brasilia, une rencontre a eu lieu entre le président brésilien et le Premier ministre japonais.');
      expect(meeting).toMatchObject({ type: 'MeetingHeld', date: null, occurredAt: '2025-06-13', occurredAtSource: 'publishedAt' });
    });
  });

  describe('evidence', () => {
    it('should point at the sentence that supports each fact', () => {
      const text = 'Markets were calm on Monday. Japan pledged $2 billion in humanitarian aid to the Philippines on Tuesday.';
      const [fact] = facts(text);
      expect(fact.evidence).toEqual({ sentence: 1, start: 29, end: text.length, quote: text.slice(29) });
    });
  });

  describe('actors', () => {
    it('should resolve French spellings of one person to the canonical English name', () => {
      const text = 'La délégation ukrainienne était conduite par le ministre de la Défense, Roustem Oumerov, lors des pourparlers avec la Pologne.';
      expect(keys(facts(text))).toContain('DelegationListed PL-UA UA Rustem Umerov');
    });

    it('should take an alias added at run time', () => {
      const aliases = new AliasTable(KNOWN_ACTORS);
      aliases.add({ canonical: 'Teodoro Obiang Nguema Mbasogo', aliases: ['Obiang'], country: 'GQ' });
      const withAlias = new RuleExtractor({ aliases });
      const text = 'Obiang met Spanish Prime Minister Pedro Sánchez in Madrid on Tuesday.';
      expect(keys([...withAlias.extract({ text, title: '', publishedAt: '2025-06-13' }).facts])).toEqual(['MeetingHeld ES-GQ 2025-06-10']);
    });

    it('should read a capital and a seat of power as their governments', () => {
      expect(keys(facts("Le Kremlin a promis une aide humanitaire à Damas, a indiqué l'agence officielle lundi."))).toEqual(['CommitmentMade RU>SY humanitarian_aid']);
    });
  });

  // Articles of our own, about other countries, in both languages and other phrasings.
  describe('other countries, other phrasings', () => {
    it('should report a Franco-German meeting and its commitments in French', () => {
      const text =
        "Le président français Emmanuel Macron et le chancelier allemand Friedrich Merz se sont entretenus mardi à Berlin. " +
        "À l'issue de la rencontre, la France s'est engagée à livrer des munitions à l'Allemagne, et les deux pays ont convenu de construire une nouvelle ligne ferroviaire. " +
        "Paris n'a pris aucun engagement sur le nucléaire.";
      expect(keys(facts(text, '2025-06-13'))).toEqual([
        'CommitmentMade DE>FR infrastructure',
        'CommitmentMade FR>DE infrastructure',
        'CommitmentMade FR>DE military_cooperation',
        'MeetingHeld DE-FR 2025-06-10',
      ]);
    });

    it('should report a Brazil-China summit in English and ignore what is only hoped for', () => {
      const text =
        'BEIJING, June 13 - Brazilian President Luiz Inácio Lula da Silva held talks with Chinese President Xi Jinping in Beijing on Thursday. ' +
        'China pledged to invest in Brazilian railways and agreed to open its market to Brazilian beef. ' +
        'Brazil hopes China could also finance a new port, but no agreement was signed on that project.';
      expect(keys(facts(text))).toEqual(['CommitmentMade CN>BR investment', 'CommitmentMade CN>BR trade', 'MeetingHeld BR-CN 2025-06-12']);
    });

    it('should not take a phone call, an invitation or a summons for a meeting', () => {
      const text =
        'Japanese Prime Minister Shigeru Ishiba spoke by phone with South Korean President Lee Jae-myung on Monday. ' +
        'Lee invited Ishiba to visit Seoul in the autumn. ' +
        "Tokyo summoned South Korea's ambassador on Tuesday over the fishing dispute.";
      expect(keys(facts(text))).toEqual(['TensionReported JP-KR bilateral JP']);
    });

    it('should report a suspension and a fulfilment in French', () => {
      const text =
        "Les États-Unis ont suspendu lundi leur aide militaire à la Colombie. " +
        "Le Japon a rouvert mardi son ambassade à Séoul, fermée depuis 2019, tenant ainsi sa promesse à la Corée du Sud.";
      expect(keys(facts(text))).toEqual([
        'CommitmentStatusChanged JP>KR diplomatic_support fulfilled',
        'CommitmentStatusChanged US>CO military_cooperation suspended',
      ]);
    });

    it('should report an easing and ignore a restated old quarrel', () => {
      const text =
        'Ecuador and Mexico restored diplomatic ties on Friday, in a deal that ends a year-long rift between the two countries. ' +
        'Ecuador cut diplomatic ties with Mexico in April 2024 after its police raided the Mexican embassy in Quito.';
      expect(keys(facts(text, '2025-06-14'))).toEqual(['TensionEased EC-MX bilateral EC']);
    });

    it.each([
      ['Chinese Foreign Minister Wang Yi and his Indian counterpart Subrahmanyam Jaishankar held talks in New Delhi late on Tuesday.', 'MeetingHeld CN-IN 2025-06-10'],
      ['Le ministre turc des Affaires étrangères Hakan Fidan a rencontré le 12 juin à Damas le président syrien Ahmad al-Charaa.', 'MeetingHeld SY-TR 2025-06-12'],
      ['Vietnamese Prime Minister Pham Minh Chinh was received by Chinese Premier Li Qiang in Beijing on Monday.', 'MeetingHeld CN-VN 2025-06-09'],
      ['Les ministres des Affaires étrangères chinois et japonais ont eu un entretien lundi à Pékin.', 'MeetingHeld CN-JP 2025-06-09'],
      ["La Chine a annoncé lundi l'octroi d'un prêt d'un milliard de dollars au Kenya.", 'CommitmentMade CN>KE financial_support'],
      ['Germany will supply Ukraine with four more IRIS-T air defence systems, Chancellor Olaf Scholz said on Monday.', 'CommitmentMade DE>UA military_cooperation'],
      ["Paris s'engage à livrer 26 Rafale Marine et trois sous-marins à l'Inde, a annoncé l'Élysée jeudi.", 'CommitmentMade FR>IN military_cooperation'],
      ['Bahrain and Qatar restored diplomatic ties on Wednesday after a six-year rift.', 'TensionEased BH-QA bilateral QA'],
      ["L'Égypte et la Turquie ont rétabli mardi leurs relations diplomatiques.", 'TensionEased EG-TR bilateral TR'],
    ])('should read "%s"', (text, expected) => {
      expect(keys(facts(text))).toEqual([expected]);
    });

    it('should report nothing that is denied or held by video', () => {
      expect(facts('Beijing denied that it had pledged military aid to Russia.')).toEqual([]);
      expect(facts('Biden and Xi met virtually on Monday.')).toEqual([]);
    });

    it('should leave a country the talks are about out of the meeting', () => {
      const text = "South Korea and Japan held their first security talks in nine years in Seoul on Thursday, and agreed to share intelligence on North Korea's missiles.";
      expect(keys(facts(text)).filter((key) => key.startsWith('MeetingHeld'))).toEqual(['MeetingHeld JP-KR 2025-06-12']);
    });

    it('should report no relationship fact for a sports story that names countries', () => {
      const text =
        "Le Japon a battu l'Australie en finale du tournoi, dimanche à Tokyo. " +
        "La délégation japonaise a fêté le titre avec les supporters, tandis que l'Australie a promis de revenir plus forte.";
      expect(facts(text)).toEqual([]);
    });
  });
});
