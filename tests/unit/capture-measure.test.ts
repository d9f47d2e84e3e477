import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterHandler, measured } from '@/lib/capture/measure';

describe('recorder handlers: a failure never reaches the page and is never silent', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('a throwing handler reports capture.error and the page’s own listener still runs', () => {
    const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined);
    vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    const pageSaw = vi.fn();
    const wrapped = measured(() => {
      throw new Error('boom in handler');
    });
    window.addEventListener('click', wrapped, { capture: true });
    window.addEventListener('click', pageSaw);
    expect(() => window.dispatchEvent(new MouseEvent('click'))).not.toThrow();
    expect(pageSaw).toHaveBeenCalledTimes(1);
    expect(sent).toHaveBeenCalledWith({ type: 'capture.error', message: 'boom in handler' });
    window.removeEventListener('click', wrapped, { capture: true });
    window.removeEventListener('click', pageSaw);
  });

  it('reports the same failure once, not on every event', () => {
    const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined);
    vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    const wrapped = measured(() => {
      throw new Error('same failure');
    });
    wrapped(new Event('input'));
    wrapped(new Event('input'));
    expect(sent.mock.calls.filter(([m]) => (m as { message?: string }).message === 'same failure')).toHaveLength(1);
  });

  it('work after the handler that throws is reported too', async () => {
    vi.useFakeTimers();
    const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined);
    vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    afterHandler(() => {
      throw new TypeError('late failure');
    });
    expect(sent).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toHaveBeenCalledWith({ type: 'capture.error', message: 'late failure' });
  });

  it('a handler that works reports nothing', () => {
    const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined);
    const handler = vi.fn();
    measured(handler)(new Event('focusin'));
    expect(handler).toHaveBeenCalledTimes(1);
    expect(sent).not.toHaveBeenCalled();
  });
});
