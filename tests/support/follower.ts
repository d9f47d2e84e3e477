/**
 * A new hire with nothing but the exported guide (issue 18). It opens the HTML file, reads
 * each numbered step's sentence (and the address a "Go to" step links to), then, in a clean
 * browser without Waymark, opens the start address and does each step from its words alone:
 * finds the control by role and accessible name (fields by label or placeholder) in any open
 * page and any frame, acts, moves on. It reports the first step it cannot follow and why.
 */
import { chromium, firefox, type Browser, type BrowserContext, type Frame, type Locator, type Page } from 'playwright-core';
import { pathToFileURL } from 'node:url';
import { CHROMIUM } from './chromium';
import { FIREFOX, ONE_PROCESS_FRAMES, tolerateCommandsMissingInEsr } from './firefox';
import { parseSentence, playwrightKey, type Instruction, type Target } from './follower-parse';

export interface GuideStep {
  sentence: string;
  /** The address a "Go to" step links to, if it shows one. */
  address?: string;
}

export interface FollowReport {
  steps: GuideStep[];
  /** How many steps were done, from the first. */
  followed: number;
  failure?: { step: number; sentence: string; reason: string };
}

export interface FollowOptions {
  browserName: 'chromium' | 'firefox';
  /** How long to look for a control before giving up on its step. */
  findTimeoutMs?: number;
}

/** Values a reader types into a field whose recorded value was masked: their own. */
const OWN_SECRET = '2468';

const CLICKABLE_ROLES = [
  'button', 'link', 'menuitem', 'menuitemcheckbox', 'menuitemradio', 'tab', 'option', 'treeitem', 'checkbox',
  'radio', 'switch', 'combobox', 'gridcell', 'row', 'cell', 'textbox', 'searchbox', 'slider', 'spinbutton',
] as const;
const FIELD_ROLES = ['textbox', 'searchbox', 'combobox', 'spinbutton', 'listbox'] as const;
const CHECK_ROLES = ['checkbox', 'switch', 'menuitemcheckbox'] as const;
const CHOICE_ROLES = ['radio', 'menuitemradio'] as const;

type Role = Parameters<Frame['getByRole']>[0];
type Scope = Pick<Frame, 'getByRole' | 'getByLabel' | 'getByPlaceholder' | 'getByText' | 'getByTitle' | 'locator'>;
/** Ways to find a named control, best first (a role's name before a label's or a text's). */
type Finder = (scope: Scope, name: string, exact: boolean) => Locator[];

/** Reads the steps of an exported guide, as a person would see them in the file. */
export async function readGuide(context: BrowserContext, htmlFile: string): Promise<GuideStep[]> {
  const reader = await context.newPage();
  await reader.goto(pathToFileURL(htmlFile).href);
  const steps = await reader.locator('ol.steps > li.action').evaluateAll((items) =>
    items.map((item) => {
      const sentence = item.querySelector('.sentence')?.cloneNode(true) as HTMLElement | undefined;
      sentence?.querySelector('.num')?.remove();
      const link = [...item.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href).find((h) => /^https?:/.test(h));
      return { sentence: (sentence?.textContent ?? '').trim(), ...(link ? { address: link } : {}) };
    }),
  );
  await reader.close();
  return steps;
}

export async function followGuide(htmlFile: string, options: FollowOptions): Promise<FollowReport> {
  const browser = await launchClean(options.browserName);
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    // A control found but that cannot be used (covered, disabled) fails its step, with the reason.
    context.setDefaultTimeout(options.findTimeoutMs ?? 10_000);
    // Pages (the guide itself, a Go to step's address) may take their time to load, as for a person.
    context.setDefaultNavigationTimeout(60_000);
    const steps = await readGuide(context, htmlFile);
    const follower = new Follower(context, options.findTimeoutMs ?? 10_000);
    for (const [i, step] of steps.entries()) {
      if (process.env.WAYMARK_FOLLOW_LOG) console.log(`follow ${new Date().toISOString()} ${i + 1}: ${step.sentence}`);
      const reason = await follower.do(step, i === 0).catch((error: unknown) => String(error instanceof Error ? error.message : error));
      if (reason) return { steps, followed: i, failure: { step: i + 1, sentence: step.sentence, reason: reason.split('\n')[0]! } };
    }
    return { steps, followed: steps.length };
  } finally {
    await browser.close();
  }
}

/** Debian's browsers, as the e2e tests use them, but with no extension and a fresh profile. */
function launchClean(browserName: FollowOptions['browserName']): Promise<Browser> {
  if (browserName === 'firefox') {
    // ESR's WebDriver BiDi lacks commands Playwright sends on every new context (see firefox.ts).
    tolerateCommandsMissingInEsr();
    // Frames in one process: WebDriver BiDi cannot act inside a cross-origin frame of another.
    return firefox.launch({ channel: 'moz-firefox', executablePath: FIREFOX, headless: true, firefoxUserPrefs: ONE_PROCESS_FRAMES });
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
}

class Follower {
  /** Open pages, the one acted in last at the end. */
  private pages: Page[] = [];

  constructor(private readonly context: BrowserContext, private readonly timeoutMs: number) {
    // A link or button that opens a tab or popup: the reader goes on there.
    context.on('page', (page) => this.use(page));
  }

  private use(page: Page): void {
    this.pages = [...this.pages.filter((p) => p !== page && !p.isClosed()), page];
  }

  private get current(): Page | undefined {
    this.pages = this.pages.filter((p) => !p.isClosed());
    return this.pages[this.pages.length - 1];
  }

  /** Does one step; returns why it could not, or undefined when done. */
  async do(step: GuideStep, first: boolean): Promise<string | undefined> {
    const instruction = parseSentence(step.sentence);
    if ('error' in instruction) return instruction.error;
    if (first && instruction.verb !== 'goto') return 'the guide does not start with the page to go to';
    if (instruction.verb === 'goto') return this.goTo(step, instruction.page);
    return this.act(instruction);
  }

  private async goTo(step: GuideStep, title: string): Promise<string | undefined> {
    if (!step.address) return `the step names the page "${title}" but shows no address to go to`;
    const page = this.current ?? (await this.context.newPage());
    this.use(page);
    const response = await page.goto(step.address);
    if (response && !response.ok()) return `${step.address} answered ${response.status()}`;
    return undefined;
  }

  private async act(step: Exclude<Instruction, { verb: 'goto' }>): Promise<string | undefined> {
    switch (step.verb) {
      case 'click':
        return this.on(step.target, byRoles(CLICKABLE_ROLES, true), (l) => l.click());
      case 'type':
        return this.on(step.field, byField, (l) => l.fill(step.masked ? OWN_SECRET : step.value));
      case 'select':
        return this.on(step.field, byField, (l) => l.selectOption({ label: step.option }).then(() => undefined));
      case 'check':
        return this.on(step.target, byRoles(CHECK_ROLES), (l) => (step.checked ? l.check() : l.uncheck()));
      case 'choose': {
        const group = step.group;
        const inGroup: Finder = (scope, name, exact) => {
          const any = byRoles(CHOICE_ROLES)(scope, name, exact);
          if (!group) return any;
          const groups = scope.getByRole('radiogroup', { name: group }).or(scope.getByRole('group', { name: group }));
          return [...byRoles(CHOICE_ROLES)(groups, name, exact), ...any];
        };
        return this.on(step.target, inGroup, (l) => l.check());
      }
      case 'press': {
        const key = playwrightKey(step.key);
        if (step.target) return this.on(step.target, byField, (l) => l.press(key));
        const page = this.current;
        if (!page) return 'no page is open to press a key in';
        await page.keyboard.press(key);
        return undefined;
      }
    }
  }

  /** Finds the control (waiting for it to appear, as a reader waits for a page), then acts on it. */
  private async on(target: Target, finder: Finder, action: (control: Locator) => Promise<unknown>): Promise<string | undefined> {
    const deadline = Date.now() + this.timeoutMs;
    for (;;) {
      const found = await this.find(target, finder);
      if (found) {
        this.use(found.page);
        await action(found.control);
        return undefined;
      }
      if (Date.now() > deadline) return `no ${describe(target)} on any open page (${this.pages.map((p) => p.url()).join(', ')})`;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /**
   * Exact names before partial ones, then each way of finding in turn; in the page acted in
   * last first, then the others from the newest; in every frame of each.
   */
  private async find(target: Target, finder: Finder): Promise<{ page: Page; control: Locator } | undefined> {
    const pages = [...this.pages].reverse().filter((p) => !p.isClosed());
    if (!pages[0]) return undefined;
    const ways = 'name' in target ? [true, false].flatMap((exact) => range(finder(pages[0]!.mainFrame(), target.name, exact).length).map((i) => ({ exact, i }))) : [{ exact: true, i: 0 }];
    for (const { exact, i } of ways) {
      for (const page of pages) {
        for (const frame of page.frames()) {
          const locator = 'name' in target ? finder(frame, target.name, exact)[i]! : placed(frame, target);
          const control = locator.filter({ visible: true }).first();
          if (await control.count().catch(() => 0)) return { page, control };
        }
      }
    }
    return undefined;
  }
}

function describe(target: Target): string {
  if ('name' in target) return `control named "${target.name}"`;
  const where = target.container ? ` in the ${target.container.role}${target.container.name ? ` "${target.container.name}"` : ''}` : '';
  return `${target.index}. ${target.kind}${where}`;
}

/** A named control of one of these roles; `text` also takes an element by its visible text or tooltip. */
function byRoles(roles: readonly string[], text = false): Finder {
  return (scope, name, exact) => {
    const byRole = roles.map((role) => scope.getByRole(role as Role, { name, exact })).reduce((a, b) => a.or(b));
    const ways = [byRole, scope.getByLabel(name, { exact })];
    return text ? [...ways, scope.getByTitle(name, { exact }), scope.getByText(name, { exact })] : ways;
  };
}

/** A field by its label, its accessible name or its placeholder. */
const byField: Finder = (scope, name, exact) => {
  const byRole = FIELD_ROLES.map((role) => scope.getByRole(role, { name, exact })).reduce((a, b) => a.or(b));
  return [byRole, scope.getByLabel(name, { exact }), scope.getByPlaceholder(name, { exact })];
};

const range = (n: number) => [...Array(n).keys()];

/** A control without a name: the n-th of its kind inside the named region, or on the page. */
function placed(frame: Frame, target: Extract<Target, { kind: string }>): Locator {
  const container = target.container;
  const scope: Scope = container ? frame.getByRole(container.role as Role, container.name ? { name: container.name, exact: true } : {}).first() : frame;
  return scope.getByRole(target.kind as Role).or(scope.locator(target.kind)).filter({ visible: true }).nth(target.index - 1);
}
