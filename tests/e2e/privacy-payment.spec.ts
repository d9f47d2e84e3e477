/**
 * Issue 16.2: card fields in a cross-origin payment iframe, as Stripe and Braintree draw them.
 * A card number, expiry and CVC are typed into the frame key by key, then Pay is clicked on the
 * top page. Nothing secret may be in IndexedDB or chrome.storage, and OCR of every stored
 * picture must not read the card number, expiry or CVC. The frame sits far from the top-left
 * corner, inside a border and padding, on a scrolled page (tests/fixtures/privacy/payment.html):
 * a blur box mapped into the top viewport the wrong way would miss the digits.
 *
 * Positive controls: OCR of a screenshot of the same page state without Waymark reads every
 * secret, and the stored picture before Pay reads the frame's labels (so the frame's fields were
 * blurred where they are, not the whole frame as when its placement is unknown).
 */
import { test, expect } from './fixtures';
import { handsOn } from '../support/os-input';
import { ocr, readStoredData, secretsReadIn, secretsStoredIn, wholeSecretsReadIn } from '../support/stored-data';

/** American Express test number (Luhn-valid), shown by the widget as "3782 822463 10005". */
const CARD = '378282246310005';
/** Typed as digits, shown as "12 / 29". */
const EXPIRY = '1229';
const CVC = '7391';
const SECRETS = [CARD, EXPIRY, CVC];
/** What must never be stored: the typed values, and the card's groups but the last four (a masked card keeps them). */
const TYPED = [CARD, EXPIRY, CVC, '3782', '822463'];
/** Shown on the top page once the widget says every field is filled. */
const COMPLETE = 'Card complete';
/** How far the page is scrolled before recording (page and viewport coordinates then differ). */
const SCROLL = 180;

// Firefox as users run it, Fission on: the payment frame has a process of its own, where
// WebDriver BiDi's keys never arrive (pressSequentially left its fields empty, also without
// Waymark). A window on a virtual display is typed into with real OS input instead.
test.use({ osInput: true });

test('card fields in a cross-origin payment iframe are neither stored nor readable in pictures', async ({
  browserWithExtension: { context, browserName },
  api,
  server,
  display,
}) => {
  // Five pictures and six OCR runs: more than the default on a busy machine.
  test.setTimeout(120_000);
  const page = await context.newPage();
  await page.goto(server.url('privacy/payment.html'));
  const frame = page.frameLocator('#card-frame');
  await expect(frame.getByLabel('Card number')).toBeVisible();
  // The widget is served from another origin than the checkout.
  const frameUrl = await page.locator('#card-frame').getAttribute('src');
  expect(new URL(frameUrl!).origin).not.toBe(new URL(page.url()).origin);
  await page.evaluate((y) => window.scrollTo(0, y), SCROLL);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(SCROLL);

  const guideId = await api.startRecording(page);
  await api.waitForSteps(1); // the start page
  // A person's typing: key by key, each field reformatting its value as real widgets do.
  const hands = handsOn(page, browserName === 'firefox' ? await display() : undefined);
  await hands.type(frame.getByLabel('Card number'), CARD);
  await hands.type(frame.getByLabel('Expiration'), EXPIRY);
  await hands.type(frame.getByLabel('CVC'), CVC);
  await expect(frame.getByLabel('Card number')).toHaveValue('3782 822463 10005');
  await expect(frame.getByLabel('Expiration')).toHaveValue('12 / 29');
  await expect(page.getByText(COMPLETE)).toBeVisible();

  // Positive control: the same page state, pictured without Waymark's blur, shows every secret to OCR.
  const [plain] = await ocr([await page.screenshot()]);
  expect(wholeSecretsReadIn(plain!, SECRETS)).toEqual(SECRETS);

  // Clicked where it is, as a person would (Playwright's click() scrolled the page in Firefox
  // although Pay was fully in view, and the picture then lost the labels).
  await hands.click(page.getByRole('button', { name: 'Pay' }));
  await expect(page.getByText('Thank you')).toBeVisible();
  // The start page, three fields, Pay.
  await api.waitForSteps(5);
  await api.stop();

  const steps = await api.steps(guideId);
  const sentences = steps.map((s) => s.text);
  expect(sentences[0]).toBe('Go to "Payment – Northwind"');
  expect(sentences.at(-1)).toBe('Click "Pay"');
  const typed = steps.filter((s) => s.text.startsWith('Type'));
  expect(typed.map((s) => s.text.replace(/^Type .* into /, ''))).toEqual(['Card number', 'Expiration', 'CVC']);
  // Soft: a leak here should not hide one in the pictures.
  for (const step of typed) {
    expect.soft(step.text).toMatch(/^Type •••• (0005 )?into /);
    expect.soft(step.action?.target?.framePath, step.text).toEqual([0]);
  }
  for (const s of steps) expect(s.imageId, s.text).toBeTruthy();

  const stored = await readStoredData(api.page);
  expect(stored.images).toHaveLength(steps.length);
  expect.soft(secretsStoredIn(stored, TYPED)).toEqual([]);
  // The expiry as the widget shows it ("12 / 29"): its digit runs are too short to search for.
  expect.soft(stored.records + stored.storage, 'stored expiry').not.toMatch(/12\s*\/\s*29/);

  // Every stored picture: no secret readable. The one before Pay shows the page after the typing
  // (Card complete) with the frame's labels readable around the blurred fields.
  const texts = await ocr(stored.images);
  for (const [index, text] of texts.entries()) {
    expect.soft(secretsReadIn(text, SECRETS), `stored picture ${index}`).toEqual([]);
    // Captures overlap here (three fields in a row): the in-page bar stays hidden until the last ends.
    expect.soft(text, `stored picture ${index} shows the in-page bar`).not.toMatch(/Delete last step|Finish/);
  }
  const afterTyping = texts.filter((text) => text.includes(COMPLETE));
  expect(afterTyping.length, 'pictures that show the card complete').toBeGreaterThanOrEqual(1);
  // OCR reads the label "CVC" as "cvc" at times: compared in lower case.
  for (const text of afterTyping.map((t) => t.toLowerCase())) {
    expect(text).toContain('card number');
    expect(text).toContain('expiration');
    expect(text).toContain('cvc');
  }
});
