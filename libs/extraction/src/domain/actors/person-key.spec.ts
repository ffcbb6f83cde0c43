import { personKey } from './person-key';

describe('personKey', () => {
  it.each([
    ['Vladimir Poutine', 'Vladimir Putin'],
    ['Ahmad al-Charaa', 'Ahmad al-Sharaa'],
    ['Assad Hassan al-Shaybani', 'Asaad Hassan al-Shaibani'],
    ['Andriï Iermak', 'Andriy Yermak'],
    ['Roustem Oumerov', 'Rustem Umerov'],
    ['Ioulia Svyrydenko', 'Yulia Svyrydenko'],
    ['Kim Jong-un', 'Kim Jong Un'],
    ['Mohammed ben Salmane', 'Mohammed bin Salman'],
  ])('should give %s and %s one key', (french, english) => {
    expect(personKey(french)).toBe(personKey(english));
  });

  it('should keep different people apart', () => {
    expect(personKey('Ali Shamkhani')).not.toBe(personKey('Ali Khamenei'));
  });
});
