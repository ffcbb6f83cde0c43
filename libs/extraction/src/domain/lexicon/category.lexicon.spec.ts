import { categoriesIn } from '../rules/categories';
import { fold } from '../text/fold';
import { CATEGORY_LEXICON } from './category.lexicon';

describe('the category lexicon', () => {
  it.each(CATEGORY_LEXICON.map((entry) => [entry.category, entry] as const))('should read %s in its example and not in its near miss', (category, entry) => {
    expect(categoriesIn(fold(entry.example), 0, entry.example.length)).toContain(category);
    expect(categoriesIn(fold(entry.nearMiss), 0, entry.nearMiss.length)).not.toContain(category);
  });

  it('should keep coordinated objects and leave complements out', () => {
    const promise = "des investissements et un soutien financier, ainsi qu'une assistance pour le maintien de ses bases militaires";
    expect(categoriesIn(fold(promise), 0, promise.length)).toEqual(['investment', 'financial_support', 'military_basing']);
    const complement = 'verser au fonds la moitié des recettes de ses minerais, de son pétrole et de son gaz';
    expect(categoriesIn(fold(complement), 0, complement.length)).toEqual(['investment']);
  });

  // What a status change or a promise is about, read from its object noun in either language.
  it.each([
    ['recruit domestic workers through a single channel', 'other'],
    ['le recrutement de travailleuses domestiques', 'other'],
    ['name new high commissioners to each other’s capitals', 'diplomatic_support'],
    ['nommer un haut-commissaire en Inde', 'diplomatic_support'],
    ['modernise the mountain crossing', 'infrastructure'],
    ['la modernisation du passage frontalier', 'infrastructure'],
    ['jointly fund the modernisation of the border crossing', 'infrastructure'],
    ['financer la construction d’une route', 'infrastructure'],
    ['une force conjointe chargée de lutter contre le terrorisme', 'security'],
    ['let traders reopen their shops', 'trade'],
    ['supply rice at fixed prices', 'trade'],
    ['former des officiers dans ses écoles militaires', 'military_cooperation'],
  ] as const)('should read "%s" as %s', (object, category) => {
    expect(categoriesIn(fold(object), 0, object.length)[0]).toBe(category);
  });

  it('should stop the object at a reason and leave a capital rule out of investment', () => {
    const suspended = 'le canal unique de recrutement, invoquant des failles de sécurité';
    expect(categoriesIn(fold(suspended), 0, suspended.length)).toEqual(['other']);
    const rule = 'exempt West African nationals from a minimum-capital rule for retail businesses';
    expect(categoriesIn(fold(rule), 0, rule.length)).toEqual(['trade']);
    const reason = 'a new road, citing security concerns';
    expect(categoriesIn(fold(reason), 0, reason.length)).toEqual(['infrastructure']);
  });

  it('should take a sum of money with no other word for financial support', () => {
    const sum = "une aide de 200 millions d'euros";
    expect(categoriesIn(fold(sum), 0, sum.length)).toEqual(['financial_support']);
  });
});
