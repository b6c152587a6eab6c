import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bump } from '@/lib/journey/edit-result';
import { STAGE_SETS } from '@/lib/model/vocabulary';
import {
  DEFAULT_STUDY_ID,
  DEFAULT_STUDY_TIME,
  defaultStudy,
  STUDY_DEFAULTS,
  studyFromJourneys,
  studyIdOf,
  studyStages,
} from '@/lib/study/default-study';
import { T, uuid } from './records';

/** UUID v5 (RFC 9562, SHA-1) of `name` in `namespace`. */
function uuidV5(namespace: string, name: string): string {
  const ns = Buffer.from(namespace.replaceAll('-', ''), 'hex');
  const bytes = createHash('sha1')
    .update(Buffer.concat([ns, Buffer.from(name, 'utf8')]))
    .digest()
    .subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

/** Last writer wins, the author breaking ties, as the sync's merge does for records. */
const lww = <R extends { updatedAt: string; author: string }>(a: R, b: R): R =>
  a.updatedAt !== b.updatedAt ? (a.updatedAt > b.updatedAt ? a : b) : a.author >= b.author ? a : b;

describe('the default study', () => {
  it('has the UUID v5 of "waymark:default-study" in the URL namespace as its id', () => {
    expect(DEFAULT_STUDY_ID).toBe(uuidV5(URL_NAMESPACE, 'waymark:default-study'));
    expect(z.uuid().safeParse(DEFAULT_STUDY_ID).success).toBe(true);
  });

  it('is the same record, byte for byte, wherever it is made', () => {
    expect(JSON.stringify(defaultStudy())).toBe(JSON.stringify(defaultStudy()));
    expect(defaultStudy()).toEqual({
      ...STUDY_DEFAULTS,
      id: DEFAULT_STUDY_ID,
      name: 'Default study',
      createdAt: DEFAULT_STUDY_TIME,
      updatedAt: DEFAULT_STUDY_TIME,
      author: '',
    });
  });

  it('is plain JSON with ISO times, screenshots not synced and no script', () => {
    const s = defaultStudy();
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
    expect(z.iso.datetime().safeParse(s.createdAt).success).toBe(true);
    expect(s.syncScreenshots).toBe(false);
    expect(s.script).toBeUndefined();
  });

  it('hands out a fresh copy each time', () => {
    const a = defaultStudy();
    a.brand.domains.push('initech.com');
    a.channels.length = 0;
    expect(defaultStudy().brand.domains).toEqual([]);
    expect(defaultStudy().channels.length).toBeGreaterThan(0);
  });

  it("merges two profiles' migrations into one study, and keeps a teammate's edit whoever migrates later", () => {
    const mina = defaultStudy();
    const leo = defaultStudy();
    expect(lww(mina, leo)).toEqual(lww(leo, mina));
    const renamed = { ...mina, name: 'Plant shops', updatedAt: bump(mina.updatedAt, T(0)), author: 'Mina' };
    const lateMigration = defaultStudy();
    expect(lww(renamed, lateMigration)).toBe(renamed);
    expect(lww(lateMigration, renamed)).toBe(renamed);
  });
});

describe('studyIdOf', () => {
  it.each([
    [{}, DEFAULT_STUDY_ID],
    [{ studyId: null }, DEFAULT_STUDY_ID],
    [{ studyId: uuid(4, 7) }, uuid(4, 7)],
  ])('%j -> %s', (journey, id) => {
    expect(studyIdOf(journey)).toBe(id);
  });
});

describe('studyStages', () => {
  it("gives a copy of the study's stage set", () => {
    expect(studyStages({ stageSet: 'decisionLoop' })).toEqual([...STAGE_SETS.decisionLoop]);
    const stages = studyStages({ stageSet: 'classic' });
    stages.pop();
    expect(studyStages({ stageSet: 'classic' })).toEqual([...STAGE_SETS.classic]);
  });
});

describe('studyFromJourneys', () => {
  const classic = [...STAGE_SETS.classic];
  const loop = [...STAGE_SETS.decisionLoop];
  const journeys = [
    { site: 'www.initech.com', scenario: 'Buy a Monstera', persona: 'Sam, gift buyer', stages: loop },
    { site: 'https://acme.example/start', scenario: 'Buy a Monstera', persona: '', stages: loop },
    { site: 'ACME.example', scenario: 'Buy a cactus', persona: 'Sam, gift buyer', stages: classic },
    { site: 'globex.com', scenario: '', persona: 'Ali', stages: ['a', 'b'] },
    { site: '', scenario: '', persona: '', stages: loop },
  ];

  it('drafts a study: brand, the other sites as competitors, the common scenario, persona and stage set', () => {
    let n = 0;
    const s = studyFromJourneys(journeys, {
      id: uuid(4, 2),
      name: 'Plant shops',
      brandSite: 'https://initech.com/',
      newId: () => uuid(5, ++n),
      now: T(5),
      author: 'Mina',
    });
    expect(s).toEqual({
      ...defaultStudy(),
      id: uuid(4, 2),
      name: 'Plant shops',
      goal: 'Buy a Monstera',
      brand: { name: 'initech.com', domains: ['initech.com'] },
      competitors: [
        { id: uuid(5, 1), name: 'acme.example', domains: ['acme.example'] },
        { id: uuid(5, 2), name: 'globex.com', domains: ['globex.com'] },
      ],
      stageSet: 'decisionLoop',
      persona: { ...STUDY_DEFAULTS.persona, name: 'Sam, gift buyer' },
      createdAt: new Date(T(5)).toISOString(),
      updatedAt: new Date(T(5)).toISOString(),
      author: 'Mina',
    });
  });

  it('falls back to the classic stages and empty fields when the journeys say nothing', () => {
    const s = studyFromJourneys([], { id: uuid(4, 3), name: 'Empty', brandSite: '', newId: () => 'x', now: T(0), author: '' });
    expect(s).toMatchObject({ goal: '', stageSet: 'classic', brand: { name: '', domains: [] }, competitors: [] });
  });
});
