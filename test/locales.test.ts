import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

/** The fields Chrome's i18n reads from one entry of `messages.json`. */
const MessageEntry = z.strictObject({
  message: z.string(),
  description: z.string().optional(),
  placeholders: z.record(z.string(), z.strictObject({ content: z.string(), example: z.string().optional() })).optional(),
});
type MessageEntry = z.infer<typeof MessageEntry>;
const MessagesFile = z.record(z.string(), MessageEntry);
type MessagesFile = z.infer<typeof MessagesFile>;

const localesDir = fileURLToPath(new URL('../public/_locales/', import.meta.url));
const REFERENCE = 'en';

// Read the folder rather than list locales here, so a new locale is checked the day it lands.
const locales = readdirSync(localesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const translations = locales.filter((locale) => locale !== REFERENCE);

/** Parses a locale's file; throws on invalid JSON or an entry Chrome would not understand. */
function readMessages(locale: string): MessagesFile {
  return MessagesFile.parse(JSON.parse(readFileSync(join(localesDir, locale, 'messages.json'), 'utf8')));
}

/** The `$NAME$` tokens a message uses, upper-cased because Chrome matches them case-insensitively. */
function tokensOf(message: string): string[] {
  return [...new Set([...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((match) => match[1]!.toUpperCase()))].sort();
}

/** A message's placeholder names and their `content`, sorted so they compare across locales. */
function placeholdersOf(entry: MessageEntry): Record<string, string> {
  return Object.fromEntries(
    Object.entries(entry.placeholders ?? {})
      .map(([name, placeholder]) => [name, placeholder.content] as const)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

/** Applies `pick` to every key both files share, so one failing diff names every offending key. */
function perKey<T>(messages: MessagesFile, keys: string[], pick: (entry: MessageEntry) => T): Record<string, T> {
  return Object.fromEntries(keys.filter((key) => key in messages).map((key) => [key, pick(messages[key]!)]));
}

describe('locales', () => {
  it('discovers the shipped locales from public/_locales', () => {
    expect(locales).toEqual(expect.arrayContaining([REFERENCE, 'zh_CN', 'zh_TW', 'ru', 'fa']));
  });

  describe.each(locales)('%s', (locale) => {
    it('is valid JSON in the messages.json shape', () => {
      expect(() => readMessages(locale)).not.toThrow();
    });

    it('has no empty message', () => {
      const messages = readMessages(locale);
      expect(Object.keys(messages).filter((key) => messages[key]!.message.trim() === '')).toEqual([]);
    });

    it('declares every $NAME$ token it uses', () => {
      const messages = readMessages(locale);
      const undeclared = perKey(messages, Object.keys(messages), (entry) => {
        const declared = Object.keys(entry.placeholders ?? {}).map((name) => name.toUpperCase());
        return tokensOf(entry.message).filter((token) => !declared.includes(token));
      });
      expect(Object.entries(undeclared).filter(([, tokens]) => tokens.length > 0)).toEqual([]);
    });
  });

  describe.each(translations)('%s against English', (locale) => {
    it('has exactly the keys of English', () => {
      const english = Object.keys(readMessages(REFERENCE));
      const own = Object.keys(readMessages(locale));
      expect({
        missing: english.filter((key) => !own.includes(key)),
        extra: own.filter((key) => !english.includes(key)),
      }).toEqual({ missing: [], extra: [] });
    });

    it('uses the same $NAME$ tokens as English in each message', () => {
      const english = readMessages(REFERENCE);
      const messages = readMessages(locale);
      const keys = Object.keys(english);
      expect(perKey(messages, keys, (entry) => tokensOf(entry.message))).toEqual(
        perKey(
          english,
          keys.filter((key) => key in messages),
          (entry) => tokensOf(entry.message),
        ),
      );
    });

    it('declares the same placeholders as English', () => {
      const english = readMessages(REFERENCE);
      const messages = readMessages(locale);
      const keys = Object.keys(english);
      expect(perKey(messages, keys, placeholdersOf)).toEqual(
        perKey(
          english,
          keys.filter((key) => key in messages),
          placeholdersOf,
        ),
      );
    });
  });
});
