import { splitSentences } from './sentences';

describe('splitSentences', () => {
  it('should keep an honorific with the name it precedes and give offsets into the text', () => {
    const text = 'M. Rubio a remercié l’Arabie saoudite. La balle est dans le camp russe.\nLe Kremlin n’a pas réagi.';
    const sentences = splitSentences(text, 'fr');
    expect(sentences.map((s) => s.text)).toEqual(['M. Rubio a remercié l’Arabie saoudite.', 'La balle est dans le camp russe.', 'Le Kremlin n’a pas réagi.']);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('should not break after U.S. before a lower-case word', () => {
    expect(splitSentences('Kyiv summoned the top U.S. diplomat on Wednesday. Washington said nothing.', 'en')).toHaveLength(2);
  });
});
