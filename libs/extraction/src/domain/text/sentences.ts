// Sentences with their offsets in the article, from Intl.Segmenter (ICU sentence rules).
export interface Sentence {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

// ICU breaks after a period followed by a capital; these abbreviations precede a name or a
// title in news prose, so a break after them is undone ("M. Rubio", "Gen. Gerasimov").
const ABBREVIATION_BEFORE_BREAK = /(?:^|[\s(])(?:M|MM|Mme|Mmes|Mlle|Dr|Pr|Mr|Mrs|Ms|St|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Adm|Prof|Jr|Sr|No|Oct|Nov|Dec|Jan|Feb|Aug|Sept|Sep|U\.S|U\.N|U\.K|E\.U|[A-Z])\.\s*$/;

const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(language: string): Intl.Segmenter {
  let found = segmenters.get(language);
  if (!found) {
    found = new Intl.Segmenter(language, { granularity: 'sentence' });
    segmenters.set(language, found);
  }
  return found;
}

// Segmented paragraph by paragraph: a sentence never spans a line break, and the segmenter slows
// down badly on very long strings.
function* segments(text: string, language: string): Generator<{ start: number; end: number }> {
  let from = 0;
  while (from < text.length) {
    const newline = text.indexOf('\n', from);
    const to = newline === -1 ? text.length : newline + 1;
    for (const segment of segmenter(language).segment(text.slice(from, to))) {
      yield { start: from + segment.index, end: from + segment.index + segment.segment.length };
    }
    from = to;
  }
}

export function splitSentences(text: string, language: string): Sentence[] {
  const pieces: { start: number; end: number }[] = [];
  for (const { start, end } of segments(text, language)) {
    const previous = pieces[pieces.length - 1];
    if (previous && !text.slice(previous.start, previous.end).includes('\n') && ABBREVIATION_BEFORE_BREAK.test(text.slice(previous.start, previous.end))) {
      previous.end = end;
    } else {
      pieces.push({ start, end });
    }
  }
  const sentences: Sentence[] = [];
  for (const piece of pieces) {
    const raw = text.slice(piece.start, piece.end);
    const leading = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed === '') continue;
    const start = piece.start + leading;
    sentences.push({ index: sentences.length, start, end: start + trimmed.length, text: trimmed });
  }
  return sentences;
}
