import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { captureScreenshot } from '@/lib/platform/screenshot';

describe('captureScreenshot', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.restoreAllMocks());

  // What each browser says when the tab may not be captured (no activeTab,
  // a privileged page, a window in the background): never a lost touchpoint.
  it.each([
    ['Chrome', "Either the '<all_urls>' or 'activeTab' permission is required."],
    ['Firefox', 'Missing activeTab permission'],
  ])('gives no picture when %s refuses the capture', async (_browser, message) => {
    vi.spyOn(fakeBrowser.tabs, 'captureVisibleTab').mockRejectedValue(new Error(message));
    await expect(captureScreenshot(1, 'tp-1', { target: null, masks: [] }, 1280)).resolves.toBeNull();
    expect(fakeBrowser.tabs.captureVisibleTab).toHaveBeenCalledWith(1, { format: 'png' });
  });
});
