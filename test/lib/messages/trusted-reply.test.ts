import { describe, expect, it } from 'vitest';
import { isContentCommand, isPinsCommand } from '@/lib/messages/content-command';
import { asTrustedResult, notAnswered } from '@/lib/messages/trusted-reply';
import { isUiNotice } from '@/lib/platform/notices';

const journey = { stages: ['discover'], screenshots: true, sincePreviousMs: null, lastStage: '' };

describe('asTrustedResult', () => {
  it.each([
    ['a value', { ok: true, value: { fileName: 'a.json' } }],
    ['a null value', { ok: true, value: null }],
    ['an error', { ok: false, error: { code: 'not-found', message: 'No journey x.' } }],
  ])('passes %s through as it came', (_name, reply) => {
    expect(asTrustedResult('journey.overview', reply)).toBe(reply);
  });

  it.each([
    ['no reply (a worker killed mid-request)', undefined],
    ['a string', 'ok'],
    ['ok without a value', { ok: true }],
    ['an error without a message', { ok: false, error: { code: 'internal' } }],
    ['ok that is not a boolean', { ok: 'true', value: 1 }],
  ])('turns %s into an internal error naming the request', (_name, reply) => {
    expect(asTrustedResult('journey.overview', reply)).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Unexpected reply to "journey.overview".' },
    });
  });

  it('says that the background did not answer', () => {
    expect(notAnswered(new Error('Receiving end does not exist.'))).toEqual({
      ok: false,
      error: { code: 'internal', message: "Waymark's background did not answer: Receiving end does not exist." },
    });
  });
});

describe('isContentCommand', () => {
  it.each([
    ['picker.start for an element', { type: 'picker.start', payload: { mode: 'element', journey } }, true],
    ['with a hint', { type: 'picker.start', payload: { mode: 'page', hint: { linkUrl: 'https://a.test/' }, journey } }, true],
    ['another type', { type: 'pins.show', payload: { mode: 'element', journey } }, false],
    ['an unknown mode', { type: 'picker.start', payload: { mode: 'everything', journey } }, false],
    ['no journey', { type: 'picker.start', payload: { mode: 'element' } }, false],
    ['no payload', { type: 'picker.start' }, false],
    ['null', null, false],
  ])('tells %s', (_name, message, expected) => {
    expect(isContentCommand(message)).toBe(expected);
  });
});

describe('isPinsCommand', () => {
  it.each([
    [{ type: 'pins.show', payload: { touchpoints: [] } }, true],
    [{ type: 'pins.show' }, false],
    [{ type: 'picker.start', payload: { mode: 'pins', journey } }, false],
    ['pins.show', false],
  ])('tells %j', (message, expected) => {
    expect(isPinsCommand(message)).toBe(expected);
  });
});

describe('isUiNotice', () => {
  const saved = { type: 'notice.touchpointSaved', payload: { journeyId: 'j', touchpointId: 't' } };
  it.each([
    ['a saved touchpoint from the worker', saved, {}, true],
    ['changed journeys from the worker', { type: 'notice.journeysChanged', payload: { journeyIds: [] } }, {}, true],
    ['a notice sent from a tab (a content script)', saved, { tab: { id: 1 } }, false],
    ['a request', { type: 'journey.overview', payload: {} }, {}, false],
    ['a notice without payload', { type: 'notice.journeysChanged' }, {}, false],
  ])('tells %s', (_name, message, sender, expected) => {
    expect(isUiNotice(message, sender as never)).toBe(expected);
  });
});
