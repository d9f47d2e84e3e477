/** A new guide's intro comes from the page it starts on (Readability, run only in that tab). */
import { test, expect } from './fixtures';
import { EditorPage } from '../support/pages/editor';

test('a new guide gets its intro from the first page, with sensitive text masked', async ({
  browserWithExtension: { context, extensionId },
  api,
  server,
}) => {
  const page = await context.newPage();
  await page.goto(server.url('recorder/article.html'));
  const guideId = await api.startRecording(page);
  await api.waitForSteps(1);
  await page.getByRole('button', { name: 'Request a trip' }).click();
  await api.waitForSteps(2);
  await api.stop();

  const editor = await EditorPage.open(context, extensionId, guideId);
  const intro = editor.page.getByRole('textbox', { name: 'Guide introduction' });
  await expect(intro).toHaveValue(/^Every business trip over 200 euros needs a manager's approval/);
  await expect(intro).not.toHaveValue(/travel\.desk@acme\.example/);
  // The page's own scripts never see Readability: it ran in the extension's isolated world.
  expect(await page.evaluate(() => 'Readability' in window)).toBe(false);
});
