import { describe, expect, it } from 'vitest';
import { workerRequests } from '@/lib/messages/capture-requests';
import { FINDINGS_REQUESTS, isFindingsRequest } from '@/lib/messages/findings-names';
import { findingsRequests } from '@/lib/messages/findings-requests';
import { requests } from '@/lib/messages/protocol';

describe('findings request names', () => {
  it('lists exactly the findings table', () => {
    expect([...FINDINGS_REQUESTS].sort()).toEqual(Object.keys(findingsRequests).sort());
  });

  it('never names a request the worker answers itself', () => {
    for (const name of Object.keys(workerRequests)) expect(FINDINGS_REQUESTS.has(name), name).toBe(false);
  });

  it('covers, with the worker table, every request in the protocol', () => {
    expect([...Object.keys(workerRequests), ...FINDINGS_REQUESTS].sort()).toEqual(Object.keys(requests).sort());
  });

  it.each([
    [{ type: 'journey.edit', payload: {} }, true],
    [{ type: 'sync.run' }, true],
    [{ type: 'touchpoint.save', payload: {} }, false],
    [{ type: 'toString' }, false],
    [{ type: '__proto__' }, false],
    [{ type: 42 }, false],
    ['journey.edit', false],
    [null, false],
  ])('tells a findings request from %j by its type', (message, expected) => {
    expect(isFindingsRequest(message)).toBe(expected);
  });
});
