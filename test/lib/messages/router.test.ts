import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import { sendRequest } from '@/lib/messages/client';
import { type RequestOf, type ResponseOf, requests } from '@/lib/messages/protocol';
import { classifySender, createRouter, type Handlers, type SenderInfo } from '@/lib/messages/router';
import type { Journey } from '@/lib/model/journey';
import type { Touchpoint } from '@/lib/model/touchpoint';
import { draftFixture, journeyFixture, touchpointFixture } from '../../fixtures/records';

const ctx = { extensionId: 'abc', extensionOrigin: 'chrome-extension://abc/' };
const popup: SenderInfo = { id: 'abc', url: 'chrome-extension://abc/popup.html' };
const popupInTab: SenderInfo = { id: 'abc', url: 'chrome-extension://abc/popup.html?tab=4', tab: { id: 9 } };
const page: SenderInfo = { id: 'abc', url: 'https://shop.example/cart', tab: { id: 4 }, frameId: 0 };
const otherExtension: SenderInfo = { id: 'evil', url: 'chrome-extension://evil/x.html' };

/** Every handler of the table; those a test does not use fail loudly. */
function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const unused = Object.fromEntries(
    Object.keys(requests).map((name) => [
      name,
      async () => {
        throw new Error(`${name} is not used by this test`);
      },
    ]),
  ) as unknown as Handlers;
  return {
    ...unused,
    'journey.overview': async () => ({ journey: journeyFixture(), touchpoints: [] }),
    'journey.start': async ({ id, title }) => journeyFixture({ id, title }),
    'journey.end': async () => journeyFixture({ status: 'ended', endedAt: '2026-11-25T11:00:00.000Z' }),
    'capture.pickElement': async () => null,
    'touchpoint.save': async ({ draft }) => ({
      ...draft,
      journeyId: journeyFixture().id,
      updatedAt: draft.capturedAt,
      author: 'Mina',
      position: Date.parse(draft.capturedAt),
      interactionId: null,
      screenshot: null,
      owner: null,
    }),
    'journey.list': async () => [{ journey: journeyFixture(), touchpointCount: 1 }],
    'export.download': async () => ({ fileName: 'waymark-a-2026-11-25.json' }),
    'import.apply': async () => ({ added: 1, updated: 0, unchanged: 0, conflicted: 0, ignoredOlder: 0, deleted: 0 }),
    ...overrides,
  };
}

describe('message table', () => {
  it('types requests and replies from the schemas', () => {
    expectTypeOf<RequestOf<'journey.end'>>().toEqualTypeOf<{ journeyId: string }>();
    expectTypeOf<ResponseOf<'journey.start'>>().toEqualTypeOf<Journey>();
    expectTypeOf<ResponseOf<'touchpoint.save'>>().toEqualTypeOf<Touchpoint>();
    expectTypeOf<RequestOf<'capture.pickElement'>>().toEqualTypeOf<{ tabId: number }>();
  });
});

describe('classifySender', () => {
  it.each([
    ['the popup', popup, 'ui'],
    ['an extension page opened in a tab', popupInTab, 'ui'],
    ['a content script in a web page', page, 'content'],
    ['another extension', otherExtension, undefined],
    ['a sender with no tab and a web URL', { id: 'abc', url: 'https://x.example/' }, undefined],
  ] as const)('classifies %s', (_name, sender, expected) => {
    expect(classifySender(sender, ctx)).toBe(expected);
  });

  const withHost = { ...ctx, hostUrl: 'chrome-extension://abc/offscreen.html' };
  it.each([
    ['the offscreen document', { id: 'abc', url: 'chrome-extension://abc/offscreen.html' }, 'host'],
    ['the offscreen page opened in a tab', { id: 'abc', url: 'chrome-extension://abc/offscreen.html', tab: { id: 4 } }, 'ui'],
    ['another extension page', popup, 'ui'],
    ['another extension at the same path', { id: 'xyz', url: 'chrome-extension://abc/offscreen.html' }, undefined],
  ] as const)('with a findings host, classifies %s', (_name, sender, expected) => {
    expect(classifySender(sender, withHost)).toBe(expected);
  });

  it('has no host where none is named (Firefox)', () => {
    expect(classifySender({ id: 'abc', url: 'chrome-extension://abc/offscreen.html' }, ctx)).toBe('ui');
  });
});

describe('createRouter', () => {
  const route = createRouter(requests, handlers(), ctx);

  it.each([
    ['undefined', undefined],
    ['a string', 'journey.start'],
    ['an array', ['journey.start', {}]],
    ['an object without type', { payload: {} }],
    ['a non-string type', { type: 42, payload: {} }],
    ['extra envelope keys', { type: 'journey.overview', payload: {}, reply: 'x' }],
  ])('rejects %s as a bad request', async (_name, message) => {
    expect(await route(message, popup)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it.each(['journey.delete', '__proto__', 'constructor', 'toString'])('rejects unknown type %s', async (type) => {
    expect(await route({ type, payload: {} }, popup)).toMatchObject({ ok: false, error: { code: 'unknown-message' } });
  });

  it('rejects a request from the wrong side', async () => {
    const save = { type: 'touchpoint.save', payload: { draft: draftFixture(), screenshot: null } };
    expect(await route(save, popup)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(await route({ type: 'journey.overview', payload: {} }, page)).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
    expect(await route({ type: 'journey.overview', payload: {} }, otherExtension)).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
  });

  it("answers the findings host's requests to its document alone", async () => {
    const hosted = createRouter(requests, handlers({ 'host.readStorage': async () => 'stored' }), {
      ...ctx,
      hostUrl: 'chrome-extension://abc/offscreen.html',
    });
    const read = { type: 'host.readStorage', payload: { key: 'syncConfig' } };
    expect(await hosted(read, popup)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(await hosted(read, page)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(await hosted(read, { id: 'abc', url: 'chrome-extension://abc/offscreen.html' })).toEqual({
      ok: true,
      value: 'stored',
    });
  });

  it.each([
    ['an out-of-range emotion', { draft: { ...draftFixture(), emotion: 5 } }, 'emotion'],
    ['a missing draft', {}, 'draft'],
    ['a typed value smuggled in', { draft: { ...draftFixture(), value: 'hunter2' } }, 'value'],
  ])('rejects a save with %s, naming the field', async (_name, payload, field) => {
    const reply = await route({ type: 'touchpoint.save', payload }, page);
    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      expect(reply.error.code).toBe('bad-request');
      expect(reply.error.message).toContain(field);
    }
  });

  it('passes a valid request to its handler and replies with the value', async () => {
    const reply = await route({ type: 'touchpoint.save', payload: { draft: draftFixture(), screenshot: null } }, page);
    expect(reply).toEqual({ ok: true, value: touchpointFixture({ updatedAt: draftFixture().capturedAt }) });
  });

  it('turns a full disk into storage-full, not a crash', async () => {
    const quota = new DOMException('Quota exceeded', 'QuotaExceededError');
    const full = createRouter(requests, handlers({ 'touchpoint.save': () => Promise.reject(quota) }), ctx);
    expect(await full({ type: 'touchpoint.save', payload: { draft: draftFixture(), screenshot: null } }, page)).toMatchObject({
      ok: false,
      error: { code: 'storage-full' },
    });
  });

  it('refuses to send a reply that breaks its own schema', async () => {
    const broken = createRouter(requests, handlers({ 'journey.start': async () => ({ id: 'nope' }) as unknown as Journey }), ctx);
    const reply = await broken({ type: 'journey.start', payload: { id: journeyFixture().id, title: 'A' } }, popup);
    expect(reply).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});

describe('sendRequest', () => {
  it('does not send an invalid request', async () => {
    const transport = vi.fn();
    const reply = await sendRequest(transport, 'journey.start', { id: 'x', title: '' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(transport).not.toHaveBeenCalled();
  });

  it('round-trips through the router', async () => {
    const route = createRouter(requests, handlers(), ctx);
    const reply = await sendRequest((message) => route(message, popup), 'journey.start', {
      id: journeyFixture().id,
      title: 'Buy a plant',
    });
    expect(reply).toEqual({ ok: true, value: journeyFixture({ title: 'Buy a plant' }) });
  });

  it('reports a dead or silent background as an error result', async () => {
    expect(
      await sendRequest(() => Promise.reject(new Error('Receiving end does not exist.')), 'journey.overview', {}),
    ).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(await sendRequest(async () => undefined, 'journey.overview', {})).toMatchObject({ ok: false });
  });
});
