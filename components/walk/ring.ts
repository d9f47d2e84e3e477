/**
 * The highlight around the element to act on. The host element itself is the ring (fixed,
 * sized to the element plus a margin, never catching the pointer), so its box is exactly
 * what the user sees: tests read it from the light DOM (`waymark-walk-ring`, with the step
 * id and the finder's verdict as data attributes) without reaching into any shadow root.
 */
const MARGIN = 4;

export class WalkRing {
  private host?: HTMLElement;
  private element?: Element;
  private frame = 0;

  /** Draws the ring around `element` (scrolled into view) and keeps it there as the page moves. */
  show(element: Element, stepId: string, verdict: string): void {
    const first = this.element !== element;
    this.element = element;
    const host = this.build();
    host.setAttribute('data-step-id', stepId);
    host.setAttribute('data-verdict', verdict);
    host.style.setProperty('border-color', verdict === 'found' ? '#2563eb' : '#d97706', 'important');
    if (first && !inView(element)) element.scrollIntoView({ block: 'center', inline: 'nearest' });
    this.follow();
  }

  hide(hidden: boolean): void {
    if (!this.host) return;
    if (hidden) this.host.style.setProperty('visibility', 'hidden', 'important');
    else this.host.style.removeProperty('visibility');
  }

  remove(): void {
    cancelAnimationFrame(this.frame);
    this.host?.remove();
    this.host = undefined;
    this.element = undefined;
  }

  /** Follows the element each frame (scrolling, layout changes); cheap: one rect per frame. */
  private follow(): void {
    cancelAnimationFrame(this.frame);
    const place = () => {
      if (!this.host || !this.element) return;
      if (!this.element.isConnected) {
        this.host.style.setProperty('display', 'none', 'important');
      } else {
        const r = this.element.getBoundingClientRect();
        const s = this.host.style;
        s.setProperty('display', 'block', 'important');
        s.setProperty('left', `${r.left - MARGIN}px`, 'important');
        s.setProperty('top', `${r.top - MARGIN}px`, 'important');
        s.setProperty('width', `${r.width + 2 * MARGIN}px`, 'important');
        s.setProperty('height', `${r.height + 2 * MARGIN}px`, 'important');
      }
      this.frame = requestAnimationFrame(place);
    };
    place();
  }

  private build(): HTMLElement {
    if (this.host?.isConnected) return this.host;
    const host = document.createElement('waymark-walk-ring');
    host.setAttribute('data-waymark-ignore', '');
    host.setAttribute('aria-hidden', 'true');
    const s = host.style;
    for (const [k, v] of Object.entries({
      all: 'initial', position: 'fixed', 'z-index': '2147483646', 'pointer-events': 'none', 'box-sizing': 'border-box',
      border: '3px solid #2563eb', 'border-radius': '6px', 'box-shadow': '0 0 0 4px #93c5fd88', margin: '0',
    })) {
      s.setProperty(k, v, 'important');
    }
    document.documentElement.append(host);
    this.host = host;
    return host;
  }
}

function inView(element: Element): boolean {
  const r = element.getBoundingClientRect();
  const win = element.ownerDocument.defaultView;
  if (!win) return true;
  return r.top >= 0 && r.left >= 0 && r.bottom <= win.innerHeight && r.right <= win.innerWidth;
}
