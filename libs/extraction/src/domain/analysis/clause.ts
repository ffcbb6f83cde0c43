// The clause around a trigger, in article offsets: modality cues and dates are read inside it.
// Boundaries: sentence punctuation that separates propositions (; : — parentheses) and a comma
// that opens a contrast or a time clause (", but", ", mais", ", after", ", après").
const HARD = /[;:()\u2014]|\s-\s/g;
const SOFT = /,\s+(?:but|mais|while|whereas|tandis que|alors que|after|following|before|apres|avant|since|depuis|quelques heures apres|a day after)\b/g;

export function clauseAround(folded: string, sentenceStart: number, sentenceEnd: number, position: number): { start: number; end: number } {
  let start = sentenceStart;
  let end = sentenceEnd;
  const sentence = folded.slice(sentenceStart, sentenceEnd);
  for (const pattern of [HARD, SOFT]) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(sentence); m !== null; m = pattern.exec(sentence)) {
      const at = sentenceStart + m.index;
      if (at < position && at + 1 > start) start = at + 1;
      if (at >= position && at < end) end = at;
    }
  }
  return { start, end };
}
