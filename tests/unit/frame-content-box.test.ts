/** Where an iframe draws its page: inside its border and its padding (lib/capture/frames.ts). */
import { afterEach, describe, expect, it } from 'vitest';
import { frameContentBox } from '@/lib/capture/frames';

/**
 * A frame element with the layout a browser would give it (happy-dom lays nothing out). A div
 * stands in for the iframe: happy-dom refuses to load an iframe's page, and the measure is the same.
 */
function iframe(style: string, layout: { rect: DOMRect; clientLeft: number; clientTop: number; clientWidth: number; clientHeight: number }) {
  const frame = document.createElement('div');
  frame.setAttribute('style', style);
  document.body.append(frame);
  frame.getBoundingClientRect = () => layout.rect;
  for (const key of ['clientLeft', 'clientTop', 'clientWidth', 'clientHeight'] as const) {
    Object.defineProperty(frame, key, { value: layout[key] });
  }
  return frame;
}

describe('frameContentBox', () => {
  afterEach(() => document.body.replaceChildren());

  it('starts inside the border and the padding, and is as large as what is left', () => {
    // 600 × 400 on screen: an 8 px border, padding 14 px all round except 20 px on the left.
    const frame = iframe('border: 8px solid; padding: 14px 14px 14px 20px', {
      rect: new DOMRect(620, 300, 600, 400),
      clientLeft: 8,
      clientTop: 8,
      clientWidth: 584, // inside the borders: content + padding
      clientHeight: 384,
    });
    expect(frameContentBox(frame)).toEqual({ x: 620 + 8 + 20, y: 300 + 8 + 14, width: 584 - 34, height: 384 - 28 });
  });

  it('without padding, the content box is the client box', () => {
    const frame = iframe('border: 2px solid', { rect: new DOMRect(10, 20, 304, 154), clientLeft: 2, clientTop: 2, clientWidth: 300, clientHeight: 150 });
    expect(frameContentBox(frame)).toEqual({ x: 12, y: 22, width: 300, height: 150 });
  });
});
