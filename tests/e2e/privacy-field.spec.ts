/**
 * Issue 16.3 and 16.4: secrets as sign-in and payment pages really ask for them. Six one-digit
 * code boxes (only the first with autocomplete=one-time-code), a "Verification code" field,
 * PIN boxes pin1…pin4, a card number split across four inputs, a secret field (labelled by
 * aria-labelledby inside its shadow root) and an email in an open shadow root, and a recovery
 * code shown in a srcdoc frame. Typing in them is recorded; then nothing secret may be in
 * IndexedDB or chrome.storage, and OCR of the stored pictures must not read the secrets.
 *
 * Positive controls: OCR of a screenshot of the same page state without Waymark reads every
 * secret, and the email is read in a stored picture once its category is switched off.
 */
import type { Page } from 'playwright-core';
import { test, expect } from './fixtures';
import { openExtensionPage } from '../support/extension';
import { ocr, readStoredData, secretsReadIn, secretsStoredIn, wholeSecretsReadIn } from '../support/stored-data';
import { storedImage } from '../support/pixels';

const OTP = '492613';
const VERIFICATION = '580274';
const PIN = '7315';
const CARD = '4242424242424242';
const BACKUP = '913846';
/** Shown in the srcdoc frame from the start, not typed. */
const RECOVERY = '638152';
const EMAIL = 'sam.roe@example.net';
const SECRETS = [OTP, VERIFICATION, PIN, CARD, BACKUP, RECOVERY];
/** The typed values, and the card's groups: none may be stored anywhere. */
const TYPED = [OTP, VERIFICATION, PIN, CARD, BACKUP, '4242'];
/** Shown once every field holds a value: a picture with it was taken after the typing. */
const ALL_FILLED = '16 of 16 filled';

async function typeSecrets(page: Page) {
  // The boxes move on by themselves, as on real pages: the keys go to whichever box has focus.
  await page.getByRole('textbox', { name: 'Code box 1' }).pressSequentially(OTP);
  await page.getByLabel('Verification code').pressSequentially(VERIFICATION);
  await page.getByRole('textbox', { name: 'PIN 1st' }).pressSequentially(PIN);
  await page.getByRole('textbox', { name: 'Part 1' }).pressSequentially(CARD);
  await page.getByRole('textbox', { name: 'Backup code' }).pressSequentially(BACKUP);
  await expect(page.getByText(ALL_FILLED)).toBeVisible();
}

test('one-time codes, PINs, split card numbers and shadow-root secrets are neither stored nor readable in pictures', async ({
  browserWithExtension: { context },
  api,
  server,
}) => {
  // Two recordings, 19 pictures and three OCR runs: more than the default on a busy machine.
  test.setTimeout(150_000);
  const page = await context.newPage();
  await page.goto(server.url('privacy/codes.html'));
  const guideId = await api.startRecording(page);
  await api.waitForSteps(1); // the start page
  await typeSecrets(page);

  // Positive control: the same page, pictured without Waymark's blur, shows every secret to OCR.
  const [plain] = await ocr([await page.screenshot()]);
  expect(wholeSecretsReadIn(plain!, SECRETS)).toEqual(SECRETS);
  expect(plain).toContain(EMAIL);

  await page.getByRole('button', { name: 'Continue' }).click();
  // The start page, 16 fields (one step per box: each edit ends when the next box is typed in), Continue.
  await api.waitForSteps(18, 60_000);
  await api.stop();

  const steps = await api.steps(guideId);
  const sentences = steps.map((s) => s.text);
  const typed = sentences.filter((s) => s.startsWith('Type'));
  expect(typed).toHaveLength(16);
  // Soft: a leak here should not hide one in the pictures.
  for (const sentence of typed) expect.soft(sentence).toMatch(/^Type •••• into /);
  expect(sentences.at(-1)).toBe('Click "Continue"');

  // A second recording of the same page with email addresses switched off in the options:
  // the shadow root's email becomes readable (the blur was what hid it), the secrets stay hidden.
  const options = await openExtensionPage(context, '/options.html');
  await options.getByRole('checkbox', { name: 'Email addresses' }).uncheck();
  await options.reload();
  await expect(options.getByRole('checkbox', { name: 'Email addresses' })).not.toBeChecked();
  await options.close();
  const secondId = await api.startRecording(page);
  await api.waitForSteps(1);
  await api.stop();

  const stored = await readStoredData(api.page);
  expect(stored.images).toHaveLength(19);
  expect.soft(secretsStoredIn(stored, TYPED)).toEqual([]);

  // The picture before Continue shows the page after all the typing (each earlier one shows a
  // part of it); the second recording's shows the same page.
  const [second] = await api.steps(secondId);
  const pictures = [steps.at(-1)!.imageId!, second!.imageId!];
  const [beforeContinue, emailOff] = await ocr(await Promise.all(pictures.map((id) => storedImage(api.page, id))));
  for (const [name, text] of [
    ['picture before Continue', beforeContinue!],
    ['picture with emails not blurred', emailOff!],
  ] as const) {
    expect(text, name).toContain(ALL_FILLED);
    expect(text, name).toContain('Verification code');
    expect.soft(secretsReadIn(text, SECRETS), name).toEqual([]);
  }
  expect.soft(beforeContinue).not.toContain(EMAIL);
  expect(emailOff).toContain(EMAIL);
});
