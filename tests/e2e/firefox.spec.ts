/**
 * Firefox-only behaviour. Firefox lets the user withdraw an MV3 add-on's access to websites
 * (about:addons → Permissions); recording must then refuse with what to do, and save nothing.
 */
import { test, expect, skipIn } from './fixtures';

skipIn('chromium', 'Chrome does not let anyone withdraw required host permissions');

test('refuses to record without access to websites, says how to allow it, and saves nothing', async ({
  browserWithExtension: { context },
  api,
  server,
}) => {
  const page = await context.newPage();
  await page.goto(server.url('expenses/index.html'));
  // What the user's switch in about:addons does.
  expect(await api.page.evaluate(() => chrome.permissions.remove({ origins: ['<all_urls>'] }))).toBe(true);

  await page.bringToFront();
  const reply = await api.send<{ error?: string }>({ type: 'recording.start', tabId: await api.tabIdOf(page) });
  expect(reply.error).toMatch(/needs permission to access websites.*about:addons/);
  expect(await api.status()).toMatchObject({ state: 'idle', stepCount: 0 });
});
