/**
 * The in-page recording bar lives in a CLOSED shadow root, which page locators cannot
 * enter. The browser's accessibility tree can: controls are found by role and name through
 * CDP and pressed with a real mouse click at their place on screen.
 */
import type { CDPSession, Page } from 'playwright-core';

interface AXNode {
  backendDOMNodeId?: number;
  ignored?: boolean;
}

export class InPageBar {
  private constructor(
    private readonly page: Page,
    private readonly cdp: CDPSession,
  ) {}

  static async of(page: Page): Promise<InPageBar> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('Accessibility.enable');
    return new InPageBar(page, cdp);
  }

  /** The on-screen boxes of nodes with this role and accessible name. */
  async find(role: string, name: string): Promise<{ x: number; y: number; width: number; height: number }[]> {
    const { root } = await this.cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const { nodes } = (await this.cdp.send('Accessibility.queryAXTree', {
      nodeId: root.nodeId,
      role,
      accessibleName: name,
    })) as { nodes: AXNode[] };
    const boxes = [];
    for (const node of nodes) {
      if (node.ignored || !node.backendDOMNodeId) continue;
      const { model } = await this.cdp.send('DOM.getBoxModel', { backendNodeId: node.backendDOMNodeId });
      const [x1, y1, x2, , , y3] = model.content;
      boxes.push({ x: x1!, y: y1!, width: x2! - x1!, height: y3! - y1! });
    }
    return boxes;
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
