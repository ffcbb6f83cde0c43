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

  it('should take a sum of money with no other word for financial support', () => {
    const sum = "une aide de 200 millions d'euros";
    expect(categoriesIn(fold(sum), 0, sum.length)).toEqual(['financial_support']);
  });
});
