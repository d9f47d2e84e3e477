/**
 * Issue 5: secrets never stored, sensitive pixels blurred before saving, nothing leaves the
 * machine. What was stored is read back raw (IndexedDB, chrome.storage, exports) and every
 * stored screenshot is read with OCR (Debian's tesseract), so a secret that reached the
 * pixels or the records fails the test.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import type { BrowserContext, Page } from 'playwright-core';
import { test, expect } from './fixtures';
import { EditorPage } from '../support/pages/editor';
import { digitsOf, ocr, readStoredData } from '../support/stored-data';

const CARD_IN_FIELD = '5555 5555 5555 4444';
const PIN = '4921';
const DOOR_CODE = '8362';
/** Shown on the page as text; each must be blurred (the card by Luhn, the IBAN by mod 97). */
const VISIBLE = { email: 'jane.doe@example.org', card: '4111 1111 1111 1111', phone: '+44 20 7946 0958', iban: 'DE89 3704 0044 0532 0130 00', ip: '192.168.10.20' };

/** Fragments that must not appear in what was read back (digits compared without spaces). */
const SECRET_DIGITS = ['55555555', PIN, DOOR_CODE, '41111111', '79460958', '37040044', '19216810'];
const SECRET_WORDS = ['jane.doe', 'example.org'];

/**
 * Looks for each secret in `text`, line by line, with spaces and punctuation between digits
 * ignored ("4111 1111" = "41111111"). A digit fragment counts only as a whole run, so ids and
 * timestamps in stored records cannot match by chance.
 */
function expectNoSecrets(text: string, where: string, except: string[] = []) {
  const lower = text.toLowerCase();
  for (const word of SECRET_WORDS.filter((w) => !except.includes(w))) expect(lower, `${where} shows ${word}`).not.toContain(word);
  const runs = text.split('\n').flatMap((line) => line.match(/\d(?:[\d .\-+()]*\d)?/g) ?? []).map(digitsOf);
  for (const fragment of SECRET_DIGITS) {
    const hit = runs.find((run) => (fragment.length >= 8 ? run.includes(fragment) : run === fragment));
    expect(hit, `${where} shows ${fragment}`).toBeUndefined();
  }
}

/** Every request of the browser context: pages, extension pages and the service worker. */
function watchRequests(context: BrowserContext): string[] {
  const urls: string[] = [];
  context.on('request', (request) => urls.push(request.url()));
  return urls;
}

async function markElement(context: BrowserContext, extensionId: string, site: string, selector: string) {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const marked = options.getByRole('region', { name: 'Never-record elements' });
  await marked.getByLabel('Element site').fill(site);
  await marked.getByLabel('CSS selector').fill(selector);
  await marked.getByRole('button', { name: 'Add element' }).click();
  await expect(marked.getByRole('listitem')).toContainText([selector]);
  await options.close();
}

async function fillSecrets(page: Page) {
  await page.getByLabel('Merchant').fill('Blue Bottle');
  await page.getByLabel('Card number').fill(CARD_IN_FIELD);
  await page.getByLabel('PIN').fill(PIN);
  await page.getByLabel('Door code').fill(DOOR_CODE);
}

test('stored screenshots, records and exports hold no secret, and no request leaves the machine', async ({
  browserWithExtension: { context, extensionId },
  api,
  server,
}) => {
  const requests = watchRequests(context);
  const page = await context.newPage();
  await page.goto(server.url('privacy/checkout.html'));
  await fillSecrets(page);
  const guideId = await api.startRecording(page);

  // Showing the door code turns it into a plain text field; it must stay blurred.
  await page.getByRole('button', { name: 'Show door code' }).click();
  await api.waitForSteps(1);
  await expect(page.getByLabel('Door code')).toHaveAttribute('type', 'text');
  await page.getByRole('button', { name: 'Continue' }).click();
  await api.waitForSteps(2);
  await api.stop();

  const stored = await readStoredData(api.page);
  expect(stored.images).toHaveLength(2);
  expectNoSecrets(stored.records, 'IndexedDB');
  expectNoSecrets(stored.storage, 'chrome.storage');
  const texts = await ocr(stored.images);
  for (const [index, text] of texts.entries()) {
    // OCR does read these pictures: ordinary text and the ordinary field value are there.
    expect(text, `screenshot ${index}`).toContain('Checkout');
    expect(text, `screenshot ${index}`).toContain('Blue Bottle');
    expectNoSecrets(text, `screenshot ${index}`);
  }

  const editor = await EditorPage.open(context, extensionId, guideId);
  await expect(editor.steps()).toHaveCount(2);
  const html = await readFile((await editor.export('HTML')).path, 'utf8');
  expectNoSecrets(html.replace(/data:image\/[a-z]+;base64,[A-Za-z0-9+/=]+/g, ''), 'HTML export');
  const pdfPath = (await editor.export('PDF')).path;
  const { stdout: pdfText } = await promisify(execFile)('pdftotext', [pdfPath, '-']);
  expect(pdfText).toContain('Continue');
  expectNoSecrets(pdfText, 'PDF export');

  const outside = requests.filter((url) => !/^(chrome-extension:\/\/|data:|blob:)/.test(url) && !url.startsWith(server.origin));
  expect(outside).toEqual([]);
  // The watcher does see extension traffic (pages and their assets), so an empty list means something.
  expect(requests.some((url) => url.startsWith(`chrome-extension://${extensionId}/`))).toBe(true);
});

test('a category switched off in the options is left readable; the others stay blurred', async ({
  browserWithExtension: { context, extensionId },
  api,
  server,
}) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const email = options.getByRole('checkbox', { name: 'Email addresses' });
  await expect(email).toBeChecked();
  await email.uncheck();
  await options.reload();
  await expect(options.getByRole('checkbox', { name: 'Email addresses' })).not.toBeChecked();
  await expect(options.getByRole('checkbox', { name: 'Card numbers' })).toBeChecked();

  const page = await context.newPage();
  await page.goto(server.url('privacy/checkout.html'));
  await fillSecrets(page);
  await api.startRecording(page);
  await page.getByRole('button', { name: 'Continue' }).click();
  await api.waitForSteps(1);
  await api.stop();

  const [text] = await ocr((await readStoredData(api.page)).images);
  expect(text).toContain(VISIBLE.email);
  expectNoSecrets(text!, 'screenshot', SECRET_WORDS);
});

test('never-record sites refuse to record; an allow list admits only its sites', async ({
  browserWithExtension: { context, extensionId },
  api,
  server,
}) => {
  const page = await context.newPage();
  await page.goto(server.url('privacy/checkout.html'));
  const site = new URL(server.origin).host;
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const deny = options.getByRole('region', { name: 'Never-record sites' });
  await deny.getByLabel('Site', { exact: true }).fill(server.url('privacy/checkout.html'));
  await deny.getByRole('button', { name: 'Add to Never-record sites' }).click();
  await expect(deny.getByRole('listitem')).toHaveText([`${site}Remove`]);

  const tabId = await api.tabIdOf(page);
  const refused = await api.send<{ error?: string }>({ type: 'recording.start', tabId });
  expect(refused.error).toMatch(/turned off for this site/);
  expect(await api.status()).toMatchObject({ state: 'idle' });

  await deny.getByRole('button', { name: `Remove ${site} from Never-record sites` }).click();
  const allow = options.getByRole('region', { name: 'Record only on these sites' });
  await allow.getByLabel('Site', { exact: true }).fill('intranet.example');
  await allow.getByRole('button', { name: 'Add to Record only on these sites' }).click();
  await expect(allow.getByRole('listitem')).toHaveCount(1);
  expect((await api.send<{ error?: string }>({ type: 'recording.start', tabId })).error).toMatch(/turned off/);

  await allow.getByRole('button', { name: 'Remove intranet.example from Record only on these sites' }).click();
  await expect(allow.getByRole('listitem')).toHaveCount(0);
  expect(await api.send<{ guideId?: string }>({ type: 'recording.start', tabId })).toHaveProperty('guideId');
});

test('a never-record element is blurred in screenshots; the page tells which element was right-clicked', async ({
  browserWithExtension: { context, extensionId },
  api,
  server,
}) => {
  const page = await context.newPage();
  await page.goto(server.url('privacy/checkout.html'));
  await page.getByLabel('Merchant').fill('Blue Bottle');

  // What the "Never record this element" menu item asks the page after a right-click.
  await page.getByRole('button', { name: 'Continue' }).click({ button: 'right' });
  const tabId = await api.tabIdOf(page);
  const target = await api.page.evaluate(
    (id) => chrome.tabs.sendMessage(id, { type: 'privacy.context-target' }, { frameId: 0 }),
    tabId,
  );
  expect(target).toEqual({ selector: '#continue', url: page.url() });

  await markElement(context, extensionId, new URL(server.origin).host, '#merchant');
  await api.startRecording(page);
  await page.getByRole('button', { name: 'Show door code' }).click();
  await api.waitForSteps(1);
  await api.stop();
  const [text] = await ocr((await readStoredData(api.page)).images);
  expect(text).toContain('Checkout');
  expect(text).toContain('Merchant');
  expect(text).not.toContain('Blue Bottle');
});

test.fixme('clicks on a never-record element make no step (needs isIgnoredElement wired in by the recorder branch)', async ({
  browserWithExtension: { context, extensionId },
  api,
  server,
}) => {
  const page = await context.newPage();
  await page.goto(server.url('privacy/checkout.html'));
  await markElement(context, extensionId, new URL(server.origin).host, '#continue');
  await api.startRecording(page);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Show door code' }).click();
  const status = await api.waitForSteps(1);
  await api.stop();
  expect(status.stepCount).toBe(1);
  const stored = await readStoredData(api.page);
  expect(stored.records).toContain('Click \\"Show door code\\"');
  expect(stored.records).not.toContain('Continue');
});

test.fixme('typed card number and PIN are stored masked; a shown email is blurred (needs typing steps from the recorder branch)', async ({
  browserWithExtension: { context, extensionId },
  api,
  server,
}) => {
  const page = await context.newPage();
  await page.goto(server.url('privacy/checkout.html'));
  const guideId = await api.startRecording(page);
  await page.getByLabel('Merchant').pressSequentially('Blue Bottle');
  await page.getByLabel('Card number').pressSequentially(CARD_IN_FIELD);
  await page.getByLabel('PIN').pressSequentially(PIN);
  await page.getByRole('button', { name: 'Continue' }).click();
  await api.waitForSteps(4);
  await api.stop();

  const stored = await readStoredData(api.page);
  expect(stored.records).toContain('Type \\"Blue Bottle\\" into \\"Merchant\\"');
  expect(stored.records).toContain('Type •••• 4444 into \\"Card number\\"');
  expect(stored.records).toContain('Type •••• into \\"PIN\\"');
  expectNoSecrets(stored.records, 'IndexedDB');
  for (const [index, text] of (await ocr(stored.images)).entries()) {
    expect(text).toContain('Checkout');
    expectNoSecrets(text, `screenshot ${index}`);
  }
  const editor = await EditorPage.open(context, extensionId, guideId);
  const html = await readFile((await editor.export('HTML')).path, 'utf8');
  expectNoSecrets(html.replace(/data:image\/[a-z]+;base64,[A-Za-z0-9+/=]+/g, ''), 'HTML export');
  const { stdout: pdfText } = await promisify(execFile)('pdftotext', [(await editor.export('PDF')).path, '-']);
  expectNoSecrets(pdfText, 'PDF export');
});

test('"Redact this value everywhere" rewrites the step text and re-blurs the stored screenshots', async ({
  browserWithExtension: { context, extensionId },
  api,
  server,
}) => {
  const page = await context.newPage();
  await page.goto(server.url('privacy/checkout.html'));
  await page.getByLabel('Merchant').fill('Blue Bottle');
  const guideId = await api.startRecording(page);
  await page.getByRole('button', { name: 'Continue' }).click();
  await api.waitForSteps(1);
  await api.stop();
  expect((await ocr((await readStoredData(api.page)).images))[0]).toContain('Blue Bottle');

  // A typing step as the recorder stores one for an ordinary field (typing steps come from
  // the recorder branch; this inserts the same record so the editor feature can be tested).
  const box = await page.getByLabel('Merchant').evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });
  await api.page.evaluate(
    async ({ guideId, url, box }) => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const request = indexedDB.open('waymark');
        request.onsuccess = () => resolve(request.result);
      });
      const step = {
        id: 'typed-merchant', guideId, order: -1, kind: 'action', text: 'Type "Blue Bottle" into "Merchant"',
        action: { kind: 'type', value: 'Blue Bottle', masked: false, target: { role: 'textbox', name: 'Merchant', tag: 'input', selectors: ['#merchant'], box } },
        page: { url, title: 'Checkout – Acme' }, viewport: { width: 1280, height: 800, dpr: 1 }, shot: 'none', createdAt: 0, updatedAt: 0,
      };
      await new Promise((resolve) => {
        const tx = db.transaction('steps', 'readwrite');
        tx.objectStore('steps').put(step);
        tx.oncomplete = resolve;
      });
      db.close();
    },
    { guideId, url: page.url(), box },
  );

  const editor = await EditorPage.open(context, extensionId, guideId);
  await expect(editor.steps()).toHaveCount(2);
  await editor.steps().nth(0).getByRole('button', { name: 'Redact this value everywhere' }).click();
  await expect(editor.steps().nth(0).getByRole('status')).toHaveText('Redacted in 2 steps.');
  await expect(editor.steps().nth(0)).toContainText('Type "••••" into "Merchant"');

  const stored = await readStoredData(api.page);
  expect(stored.records).not.toContain('Blue Bottle');
  expect(stored.images).toHaveLength(1);
  const [text] = await ocr(stored.images);
  expect(text).toContain('Checkout');
  expect(text).not.toContain('Blue Bottle');
  await expect(editor.steps().nth(1).getByRole('img')).toBeVisible();
});
