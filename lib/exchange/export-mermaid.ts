import type { ExportFile } from '../model/export-file';
import type { Emotion } from '../model/touchpoint';
import { groupSteps, journeySteps, stepLabel } from './group-steps';

/**
 * Characters with a meaning in Mermaid's `journey` grammar, and the look-alike
 * each becomes. The lexer ends a task name at `:`, drops the rest of a line at
 * `#` and `;`, reads `%` as the start of a comment or directive, and splits
 * the people of a task at `,`. Renderers read `<...>` as HTML and strip it.
 * https://github.com/mermaid-js/mermaid/blob/develop/packages/mermaid/src/diagrams/user-journey/parser/journey.jison
 */
const LOOK_ALIKES: Record<string, string> = {
  ':': '\u2236', // ∶ RATIO
  '#': '\uFF03', // ＃ FULLWIDTH NUMBER SIGN
  ';': '\uFF1B', // ； FULLWIDTH SEMICOLON
  '%': '\uFF05', // ％ FULLWIDTH PERCENT SIGN
  '<': '\u2039', // ‹ SINGLE LEFT-POINTING ANGLE QUOTATION MARK
  '>': '\u203A', // › SINGLE RIGHT-POINTING ANGLE QUOTATION MARK
  ',': '\u201A', // ‚ SINGLE LOW-9 QUOTATION MARK (people only)
};

/**
 * A task name the lexer would read as a keyword (`title x`, `section x`,
 * `journey x`, `accTitle`, `accDescr`; case-insensitive) starts with an
 * invisible WORD JOINER, which no keyword starts with.
 */
const KEYWORD_START = /^(?:journey|title|section|acctitle|accdescr)/i;
const WORD_JOINER = '\u2060';

/** Something a reader can see: not only spaces, invisible format characters and marks. */
function isVisible(text: string): boolean {
  return /[^\p{Z}\p{Cc}\p{Cf}\p{M}\s]/u.test(text);
}

/**
 * Text that Mermaid reads back as written: on one line (control characters
 * and line separators become spaces), grammar characters swapped for
 * look-alikes, spaces collapsed and trimmed; `fallback` when nothing visible
 * is left.
 */
export function mermaidText(text: string, fallback: string, special = /[:#;%<>]/g): string {
  const cleaned = text
    .replace(/[\p{Cc}\p{Zl}\p{Zp}\s]+/gu, ' ')
    .replace(special, (ch) => LOOK_ALIKES[ch] ?? ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
  return isVisible(cleaned) ? cleaned : fallback;
}

/** A task name: clean text that cannot be taken for a keyword. */
function taskName(text: string): string {
  const name = mermaidText(text, 'Touchpoint');
  return KEYWORD_START.test(name) ? WORD_JOINER + name : name;
}

/** Mermaid's journey score, 1..5, from emotion -2..+2. */
export function emotionScore(emotion: Emotion): number {
  return emotion + 3;
}

/**
 * One journey as a Mermaid `journey` diagram, which GitHub, GitLab and many
 * wikis render: the journey title, one section per stage (or per page
 * when no touchpoint has a stage: see `groupSteps`), one task per
 * touchpoint named by `stepLabel`, scored 1..5 from its emotion, with its
 * author (or "researcher") as the person. Any text from the file parses: see
 * `mermaidText`. Throws when the journey is not in the file or was deleted.
 */
export function toMermaidJourney(file: ExportFile, journeyId: string): string {
  const { journey, touchpoints } = journeySteps(file, journeyId);
  const lines = ['journey', `  title ${mermaidText(journey.title, 'Journey')}`];
  for (const group of groupSteps(journey, touchpoints)) {
    lines.push(`  section ${mermaidText(group.name, 'Section')}`);
    for (const tp of group.touchpoints) {
      const person = mermaidText(tp.author, 'researcher', /[:#;%<>,]/g);
      lines.push(`    ${taskName(stepLabel(tp))}: ${emotionScore(tp.emotion)}: ${person}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
