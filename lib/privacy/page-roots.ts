/**
 * The trees a privacy scan must search: the document, every open shadow root in it (at any
 * depth), and the documents of same-origin about:blank and srcdoc frames, which no content
 * script of their own protects. `document.querySelectorAll` and a document TreeWalker see
 * none of these.
 *
 * Each comes with the offset that maps its viewport's rects into the boxes this frame reports
 * (the frame's own offset, plus the frame element's place for a child document), so a secret
 * in an about:blank frame is blurred where that frame is on screen.
 *
 * One TreeWalker over elements finds them all; it runs on every settle, so it does nothing
 * else per element but two cheap property reads.
 */
import type { Box, Point } from '@/lib/steps/types';
import { frameContentBox, frameOffset } from '@/lib/capture/frames';

export interface ScanRoot {
  /** Where to search: `querySelectorAll` and TreeWalkers work on both. */
  root: Document | ShadowRoot;
  doc: Document;
  win: Window;
  /** Added to the root's viewport rects to get the boxes this frame reports. */
  offset: Point;
}

/** Nesting depth of about:blank frames followed (a page could nest them without end). */
const MAX_FRAME_DEPTH = 4;

/** The document of a same-origin about:blank or srcdoc frame, which has no content script of its own. */
function blankFrameDocument(frame: Element): Document | undefined {
  try {
    const doc = (frame as HTMLIFrameElement).contentDocument;
    const href = doc?.defaultView?.location.href ?? '';
    return doc && (href === 'about:blank' || href === 'about:srcdoc') ? doc : undefined;
  } catch {
    return undefined; // cross-origin: that frame runs its own content script
  }
}

function childOffset(frame: Element, offset: Point): Point {
  const box = frameContentBox(frame);
  return { x: offset.x + box.x, y: offset.y + box.y };
}

function collect(root: Document | ShadowRoot, doc: Document, win: Window, offset: Point, depth: number, out: ScanRoot[]): void {
  out.push({ root, doc, win, offset });
  const start = root.nodeType === Node.DOCUMENT_NODE ? (root as Document).documentElement : root;
  if (!start) return;
  const walker = doc.createTreeWalker(start, NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode() as Element | null; node; node = walker.nextNode() as Element | null) {
    const shadow = node.shadowRoot;
    if (shadow) collect(shadow, doc, win, offset, depth, out);
    const name = node.localName;
    if ((name === 'iframe' || name === 'frame') && depth < MAX_FRAME_DEPTH) {
      const child = blankFrameDocument(node);
      const childWin = child?.defaultView;
      if (child && childWin && visible(node.getBoundingClientRect(), win)) {
        collect(child, child, childWin, childOffset(node, offset), depth + 1, out);
      }
    }
  }
}

/** The document, its open shadow roots and its about:blank frames' documents, outermost first. */
export function scanRoots(doc: Document): ScanRoot[] {
  const win = doc.defaultView;
  if (!win) return [];
  const out: ScanRoot[] = [];
  collect(doc, doc, win, frameOffset(win), 0, out);
  return out;
}

/** True when a rect (in `win`'s viewport) shows at least in part. */
export function visible(rect: Box, win: Window): boolean {
  return (
    rect.width > 0 &&
    rect.height > 0 &&
    rect.x < win.innerWidth &&
    rect.y < win.innerHeight &&
    rect.x + rect.width > 0 &&
    rect.y + rect.height > 0
  );
}

/** The box to blur for a rect of this root, or undefined when it is not on screen. */
export function placeRect(rect: Box, scan: ScanRoot): Box | undefined {
  if (!visible(rect, scan.win)) return undefined;
  return { x: rect.x + scan.offset.x, y: rect.y + scan.offset.y, width: rect.width, height: rect.height };
}
