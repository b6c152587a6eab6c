import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { onUiNoticeSettled } from '@/lib/platform/notices';

const changed = (id: string) => ({ type: 'notice.journeysChanged', payload: { journeyIds: [id] } });

describe('onUiNoticeSettled', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('refreshes once for a run of notices, after the wait', async () => {
    const refresh = vi.fn();
    onUiNoticeSettled(refresh, 300);
    for (const id of ['a', 'b', 'c']) await fakeBrowser.runtime.onMessage.trigger(changed(id), {});
    expect(refresh).not.toHaveBeenCalled();
    vi.advanceTimersByTime(299);
    expect(refresh).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(refresh).toHaveBeenCalledTimes(1);
    await fakeBrowser.runtime.onMessage.trigger(changed('d'), {});
    vi.advanceTimersByTime(300);
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it('ignores what is not a notice, and a notice sent from a tab', async () => {
    const refresh = vi.fn();
    onUiNoticeSettled(refresh, 100);
    await fakeBrowser.runtime.onMessage.trigger({ type: 'touchpoint.save', payload: {} }, {});
    await fakeBrowser.runtime.onMessage.trigger(changed('a'), { tab: { id: 3 } } as never);
    vi.advanceTimersByTime(1_000);
    expect(refresh).not.toHaveBeenCalled();
  });

  it('stops: no refresh after the page let go, even for a notice already waiting', async () => {
    const refresh = vi.fn();
    const stop = onUiNoticeSettled(refresh, 100);
    await fakeBrowser.runtime.onMessage.trigger(changed('a'), {});
    stop();
    vi.advanceTimersByTime(1_000);
    await fakeBrowser.runtime.onMessage.trigger(changed('b'), {});
    vi.advanceTimersByTime(1_000);
    expect(refresh).not.toHaveBeenCalled();
  });
});
