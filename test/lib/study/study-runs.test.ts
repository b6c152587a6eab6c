import { describe, expect, it } from 'vitest';
import { journeysOfStudy, runLabel, runnerOf, scriptRunOf, siteName } from '@/lib/study/study-runs';
import { ACME, answer, GLOBEX, iso, study, T, uuid } from './records';

const journey = (
  n: number,
  siteId: string,
  minutes: number,
  overrides: Partial<{ researcher: string; studyId: string }> = {},
) => ({
  id: `30000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  title: `Run ${n}`,
  researcher: '',
  studyId: uuid(4, 1),
  siteId,
  startedAt: iso(T(minutes)),
  answers: [],
  ...overrides,
});

describe('siteName', () => {
  it.each([
    ['brand', 'Initech'],
    [ACME, 'Acme'],
    [GLOBEX, 'Globex'],
    [uuid(5, 9), null],
  ])('names site %s as %s', (siteId, name) => {
    expect(siteName(study(), siteId)).toBe(name);
  });
});

describe('journeysOfStudy', () => {
  it('keeps the study’s journeys, brand first, then competitors in study order, then unknown sites, by start', () => {
    const journeys = [
      journey(1, GLOBEX, 1),
      journey(2, uuid(5, 9), 0),
      journey(3, ACME, 5),
      journey(4, 'brand', 9),
      journey(5, ACME, 2),
      journey(6, 'brand', 0, { studyId: uuid(4, 2) }),
    ];
    expect(journeysOfStudy(study(), journeys).map((j) => j.title)).toEqual(['Run 4', 'Run 5', 'Run 3', 'Run 1', 'Run 2']);
  });
});

describe('runLabel', () => {
  it.each([
    [{ siteId: ACME, researcher: 'Mina', title: 'Run' }, 'Acme · Mina'],
    [{ siteId: 'brand', researcher: '  ', title: 'Checkout' }, 'Initech · Checkout'],
    [{ siteId: uuid(5, 9), researcher: 'Li', title: 'Run' }, 'Li'],
  ])('labels %o as %s', (j, label) => {
    expect(runLabel(study(), j)).toBe(label);
  });

  it('takes the researcher, else the title, as the runner', () => {
    expect(runnerOf({ researcher: 'Mina', title: 'T' })).toBe('Mina');
    expect(runnerOf({ researcher: '', title: 'T' })).toBe('T');
  });
});

describe('scriptRunOf', () => {
  it('makes a run with the journey’s id, label and answers', () => {
    const answers = [answer(1, true)];
    const j = { ...journey(1, GLOBEX, 0, { researcher: 'Ali' }), answers };
    expect(scriptRunOf(study(), j)).toEqual({ journeyId: j.id, label: 'Globex · Ali', answers });
  });
});
