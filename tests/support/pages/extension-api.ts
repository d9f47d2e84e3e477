/**
 * The automation contract, driven from an extension page with plain `runtime.sendMessage`
 * objects, exactly as the README documents them.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from '@playwright/test';
import { openExtensionPage } from '../extension';

export interface Status {
  state: 'idle' | 'recording' | 'paused';
  guideId?: string;
  tabId?: number;
  stepCount: number;
  notice?: string;
}

/** Messages that only read: safe to send again. */
const QUESTIONS = new Set(['recording.status']);

export class ExtensionApi {
  private constructor(
    readonly page: Page,
    readonly extensionId: string,
  ) {}

  /**
   * Drives Waymark from an extension page: the popup by default. The popup asks for the status
   * twice a second, which keeps Firefox's event page awake; the options page asks nothing.
   */
  static async open(context: BrowserContext, extensionId: string, path = '/popup.html'): Promise<ExtensionApi> {
    const page = await openExtensionPage(context, path);
    return new ExtensionApi(page, extensionId);
  }

  async send<T = unknown>(message: Record<string, unknown>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return (await this.page.evaluate((m) => chrome.runtime.sendMessage(m), message)) as T;
      } catch (error) {
        // If the page was loaded again under the call, a question may be asked again once it is
        // back; a command may not (it may have reached the background already), so it fails.
        const lost = /Execution context was destroyed|navigation/i.test(String(error));
        if (!lost || attempt > 2 || !QUESTIONS.has(String(message.type))) throw error;
        await this.page.waitForFunction(() => document.readyState === 'complete' && typeof chrome !== 'undefined' && !!chrome.runtime?.id);
      }
    }
  }

  /** The browser's tab id of a page, found by its URL. */
  async tabIdOf(page: Page): Promise<number> {
    const url = page.url();
    const id = await this.page.evaluate(async (u) => {
      const tabs = await chrome.tabs.query({});
      return tabs.find((t) => t.url === u)?.id;
    }, url);
    if (id === undefined) throw new Error(`No tab for ${url}`);
    return id;
  }

  /** Starts recording `page` (brought to the front, since tab capture sees the active tab). */
  async startRecording(page: Page): Promise<string> {
    await page.bringToFront();
    const reply = await this.send<{ guideId?: string; error?: string }>({
      type: 'recording.start',
      tabId: await this.tabIdOf(page),
    });
    if (!reply.guideId) throw new Error(`recording.start failed: ${reply.error}`);
    return reply.guideId;
  }

  status(): Promise<Status> {
    return this.send<Status>({ type: 'recording.status' });
  }

  stop(): Promise<{ guideId?: string; stepCount: number }> {
    return this.send({ type: 'recording.stop' });
  }

  /** Waits until the current recording has saved `count` steps. */
  async waitForSteps(count: number, timeoutMs = 15_000): Promise<Status> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const status = await this.status();
      if (status.stepCount >= count) return status;
      if (Date.now() > deadline) throw new Error(`Expected ${count} steps, have ${status.stepCount}${await this.recordedSoFar(status)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** For a failure's message: which steps were saved, and which actions wait in the outbox. */
  private async recordedSoFar(status: Status): Promise<string> {
    const saved = status.guideId ? await this.sentences(status.guideId) : [];
    const stored = (await this.page.evaluate(() => chrome.storage.local.get(null))) as Record<string, { draft?: boolean; action?: { kind: string } }>;
    const waiting = Object.entries(stored)
      .filter(([key]) => key.startsWith('waymark.outbox.'))
      .map(([, entry]) => `${entry.action?.kind}${entry.draft ? ' (draft)' : ''}`);
    return `: saved ${JSON.stringify(saved)}; in the outbox ${JSON.stringify(waiting)}`;
  }

  /**
   * Waits until the last recorded action is `ms` old, as the recording session says (read from
   * storage.session, which neither wakes nor changes the background): a person pausing that long
   * before the next thing they do.
   */
  async waitUntilLastActionIsOlderThan(ms: number): Promise<void> {
    const lastActionAt = async () => {
      const stored = await this.page.evaluate(() => chrome.storage.session.get('waymark.session'));
      return (stored['waymark.session'] as { lastActionAt?: number } | undefined)?.lastActionAt;
    };
    const at = await lastActionAt();
    if (at === undefined) throw new Error('No action recorded yet');
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, at + ms + 50 - Date.now())));
    // Still the same last action: nothing the page did meanwhile counts as a newer one.
    expect(await lastActionAt()).toBe(at);
  }

  /** The saved steps of a guide, in order, read straight from Waymark's IndexedDB. */
  steps(guideId: string): Promise<RecordedStep[]> {
    return this.page.evaluate(
      (id) =>
        new Promise<RecordedStep[]>((resolve, reject) => {
          const open = indexedDB.open('waymark');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const request = open.result.transaction('steps').objectStore('steps').index('guideId').getAll(id);
            request.onerror = () => reject(request.error);
            request.onsuccess = () => {
              const steps = (request.result as RecordedStep[]).sort((a, b) => a.order - b.order);
              open.result.close();
              resolve(steps);
            };
          };
        }),
      guideId,
    );
  }

  /** The sentences of a guide's steps, in order. */
  async sentences(guideId: string): Promise<string[]> {
    return (await this.steps(guideId)).map((s) => s.text);
  }

  /** Reads one stored screenshot's size and type. */
  image(imageId: string): Promise<{ width: number; height: number; type: string; size: number } | undefined> {
    return this.page.evaluate(
      (id) =>
        new Promise((resolve, reject) => {
          const open = indexedDB.open('waymark');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const request = open.result.transaction('images').objectStore('images').get(id);
            request.onsuccess = () => {
              const image = request.result as { width: number; height: number; blob: Blob } | undefined;
              open.result.close();
              resolve(image && { width: image.width, height: image.height, type: image.blob.type, size: image.blob.size });
            };
          };
        }),
      imageId,
    );
  }
}

/** A step as stored (only the fields tests read). */
export interface RecordedStep {
  id: string;
  order: number;
  kind: string;
  text: string;
  shot?: 'settled' | 'live' | 'stream' | 'fallback' | 'rendered' | 'none';
  imageId?: string;
  page?: { url: string; title: string };
  action?: { kind: string; point?: { x: number; y: number }; target?: { box?: { x: number; y: number; width: number; height: number }; framePath?: number[] } };
}
