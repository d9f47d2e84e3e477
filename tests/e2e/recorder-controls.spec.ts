/**
 * Recording controls: the in-page bar (closed shadow root, never in a screenshot, never
 * moving the page), recording into an existing guide after a chosen step, discarding.
 */
import { test, expect } from './fixtures';
import { InPageBar } from '../support/pages/inpage-bar';
import { PopupPage } from '../support/pages/popup';

// The bar is the controls where no stream of the tab can be had (Firefox; Chromium when the
// stream is refused, as here); a streamed tab has none (recorder-stream.spec.ts).
test.describe('without a stream of the tab', () => {
  test.use({ tabCapture: false });

  test('the in-page bar pauses, deletes the last step and finishes, and stays out of pictures', async ({ browserWithExtension: { context }, api, server }) => {
    const page = await context.newPage();
    await page.goto(server.url('recorder/clicks.html'));
    const before = await page.getByRole('button', { name: 'Save draft' }).boundingBox();
    const guideId = await api.startRecording(page);
    await api.waitForSteps(1);
    const bar = await InPageBar.of(page, api.page);
    await expect.poll(() => bar.isShown()).toBe(true);
    // The strip the pictures are checked in below (x 16–316, y 756–780) is where the bar is drawn.
    const [drawn] = await bar.find('toolbar', 'Waymark recording');
    expect(drawn!.x < 316 && drawn!.x + drawn!.width > 16 && drawn!.y < 780 && drawn!.y + drawn!.height > 756, JSON.stringify(drawn)).toBe(true);
    // The bar floats over the page: nothing on the page moved.
    expect(await page.getByRole('button', { name: 'Save draft' }).boundingBox()).toEqual(before);
    // The page cannot reach into it.
    expect(await page.evaluate(() => document.querySelector('waymark-bar')?.shadowRoot ?? null)).toBeNull();

    await page.getByRole('button', { name: 'Save draft' }).click();
    await api.waitForSteps(2);
    await page.getByRole('button', { name: 'Delete report' }).click();
    await api.waitForSteps(3);
    await bar.press('Delete last step');
    await expect.poll(async () => (await api.status()).stepCount).toBe(2);

    await bar.press('Pause');
    await expect.poll(async () => (await api.status()).state).toBe('paused');
    await page.getByRole('tab', { name: 'History' }).click();
    await bar.press('Resume');
    await expect.poll(async () => (await api.status()).state).toBe('recording');
    await page.getByRole('tab', { name: 'Summary' }).click();
    await api.waitForSteps(3);

    await bar.press('Finish');
    await expect.poll(async () => (await api.status()).state).toBe('idle');
    // For a few seconds the bar offers the saved guide; its button opens it in the editor, and the bar goes.
    await expect.poll(async () => (await bar.find('button', 'Open the guide')).length).toBe(1);
    const opened = context.waitForEvent('page');
    await bar.press('Open the guide');
    const editor = await opened;
    await expect(editor).toHaveURL(new RegExp(`/editor\\.html#/guides/${guideId}$`));
    await expect.poll(() => bar.isShown()).toBe(false);
    await editor.close();
    expect(await api.sentences(guideId)).toEqual(['Go to "Clicks – Fixture"', 'Click "Save draft"', 'Click "Summary"']);

    // Where the bar was drawn (bottom left, dark), every picture shows the page's white.
    for (const step of await api.steps(guideId)) {
      const dark = await api.page.evaluate(async (id) => {
        const blob = await new Promise<Blob>((resolve) => {
          const open = indexedDB.open('waymark');
          open.onsuccess = () => {
            const r = open.result.transaction('images').objectStore('images').get(id);
            r.onsuccess = () => resolve((r.result as { blob: Blob }).blob);
          };
        });
        const bitmap = await createImageBitmap(blob);
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(bitmap, 0, 0);
        const scale = bitmap.width / 1280;
        const data = ctx.getImageData(16 * scale, (800 - 44) * scale, 300 * scale, 24 * scale).data;
        let count = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i]! < 80 && data[i + 1]! < 80 && data[i + 2]! < 80) count++;
        return count;
      }, step.imageId!);
      expect(dark, step.text).toBe(0);
    }
  });
});

test('records into an existing guide after a chosen step, and discards only what it added', async ({ browserWithExtension: { context }, api, server }) => {
  const page = await context.newPage();
  await page.goto(server.url('recorder/clicks.html'));
  const guideId = await api.startRecording(page);
  await api.waitForSteps(1);
  await page.getByRole('button', { name: 'Save draft' }).click();
  await api.waitForSteps(2);
  await page.getByRole('button', { name: 'Delete report' }).click();
  await api.waitForSteps(3);
  await api.stop();
  const [, save] = await api.steps(guideId);

  await page.reload();
  const reply = await api.send<{ guideId?: string }>({ type: 'recording.start', tabId: await api.tabIdOf(page), guideId, afterStepId: save!.id });
  expect(reply.guideId).toBe(guideId);
  await api.waitForSteps(4);
  await page.getByRole('tab', { name: 'History' }).click();
  await api.waitForSteps(5);
  await api.stop();
  expect(await api.sentences(guideId)).toEqual([
    'Go to "Clicks – Fixture"',
    'Click "Save draft"',
    'Go to "Clicks – Fixture"',
    'Click "History"',
    'Click "Delete report"',
  ]);

  // Discarding a recording into this guide removes only the steps it added.
  await api.send({ type: 'recording.start', tabId: await api.tabIdOf(page), guideId });
  await api.waitForSteps(6);
  await page.getByRole('tab', { name: 'Summary' }).click();
  await api.waitForSteps(7);
  expect(await api.send({ type: 'recording.discard' })).toEqual({ ok: true });
  expect(await api.sentences(guideId)).toHaveLength(5);
  expect(await api.status()).toMatchObject({ state: 'idle' });
});

test('the popup shows the step count and can delete the last step and discard', async ({ browserWithExtension: { context, extensionId }, api, server }) => {
  const page = await context.newPage();
  await page.goto(server.url('recorder/clicks.html'));
  const guideId = await api.startRecording(page);
  await page.getByRole('button', { name: 'Save draft' }).click();
  await api.waitForSteps(2);
  const popup = await PopupPage.open(context, extensionId);
  await expect(popup.status()).toHaveText('Recording · 2 steps');
  await popup.button('Delete last step').click();
  await expect(popup.status()).toHaveText('Recording · 1 steps');
  await popup.button('Discard recording').click();
  await expect(popup.status()).toHaveText('Not recording · 0 steps');
  expect(await api.steps(guideId)).toEqual([]);
});
