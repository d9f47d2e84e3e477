/**
 * The in-page recording bar lives in a CLOSED shadow root, which page locators cannot
 * enter. Its controls are found by role and name where the browser lets a test see inside:
 * - Chromium: the accessibility tree, through CDP;
 * - Firefox (no CDP): a script of Waymark's own, run in the tab from an extension page with
 *   `scripting.executeScript`. Firefox gives extension scripts `openOrClosedShadowRoot`, which
 *   the page's own scripts do not have.
 * Either way a control is pressed with a real mouse click at its place on screen (the bar
 * obeys only trusted clicks).
 */
import type { CDPSession, Page } from 'playwright-core';
import { extensionBrowserOf } from '../extension';

interface AXNode {
  backendDOMNodeId?: number;
  ignored?: boolean;
}

type Box = { x: number; y: number; width: number; height: number };
type Finder = (role: string, name: string) => Promise<Box[]>;

export class InPageBar {
  private constructor(
    private readonly page: Page,
    /** The on-screen boxes of shown nodes with this role and accessible name. */
    readonly find: Finder,
  ) {}

  /** `extensionPage`: an open page of Waymark's (Firefox runs its finder from there). */
  static async of(page: Page, extensionPage: Page): Promise<InPageBar> {
    const finder = extensionBrowserOf(page.context()).browserName === 'firefox' ? await firefoxFinder(page, extensionPage) : await cdpFinder(page);
    return new InPageBar(page, finder);
  }

  async isShown(): Promise<boolean> {
    return (await this.find('toolbar', 'Waymark recording')).length > 0;
  }

  async press(name: string): Promise<void> {
    const [box] = await this.find('button', name);
    if (!box) throw new Error(`No "${name}" button in the in-page bar`);
    await this.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  }
}

async function cdpFinder(page: Page): Promise<Finder> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('Accessibility.enable');
  return async (role, name) => {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const { nodes } = (await cdp.send('Accessibility.queryAXTree', {
      nodeId: root.nodeId,
      role,
      accessibleName: name,
    })) as { nodes: AXNode[] };
    const boxes = [];
    for (const node of nodes) {
      if (node.ignored || !node.backendDOMNodeId) continue;
      const { model } = await cdp.send('DOM.getBoxModel', { backendNodeId: node.backendDOMNodeId });
      const [x1, y1, x2, , , y3] = model.content;
      boxes.push({ x: x1!, y: y1!, width: x2! - x1!, height: y3! - y1! });
    }
    return boxes;
  };
}

async function firefoxFinder(page: Page, extensionPage: Page): Promise<Finder> {
  const url = page.url();
  const tabId = await extensionPage.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, url);
  if (tabId === undefined) throw new Error(`No tab for ${url}`);
  return (role, name) =>
    extensionPage.evaluate(
      async ({ tabId, role, name }) => {
        // Runs in the tab as an extension script (defined here: evaluate sends only this
        // function's text). It looks in the document and every shadow root, open or closed,
        // for the two roles the bar has; the name is aria-label or the text. Shown nodes only
        // (a hidden bar has no box), as the accessibility tree leaves hidden nodes out.
        const findInTab = (role: string, name: string) => {
          const selector = role === 'button' ? 'button, [role="button"]' : `[role="${role}"]`;
          const roots: (Document | ShadowRoot)[] = [document];
          const boxes: { x: number; y: number; width: number; height: number }[] = [];
          for (let i = 0; i < roots.length; i++) {
            for (const element of Array.from(roots[i]!.querySelectorAll('*'))) {
              const shadow = (element as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot;
              if (shadow) roots.push(shadow);
              if (!element.matches(selector)) continue;
              const label = element.getAttribute('aria-label') ?? element.textContent?.trim();
              const { x, y, width, height } = element.getBoundingClientRect();
              if (label === name && width > 0 && height > 0) boxes.push({ x, y, width, height });
            }
          }
          return boxes;
        };
        const [result] = await chrome.scripting.executeScript({ target: { tabId, frameIds: [0] }, func: findInTab, args: [role, name] });
        return (result?.result ?? []) as Box[];
      },
      { tabId, role, name },
    );
}
