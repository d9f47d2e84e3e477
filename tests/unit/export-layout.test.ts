/** Small pure rules of the exports: where the marker goes, which paper, how steps are numbered. */
import { describe, expect, it } from 'vitest';
import { markerPoint } from '@/lib/steps/marks';
import { defaultPaper } from '@/lib/export/pdf';
import { numberSteps, sentenceOf } from '@/lib/export/guide-data';
import type { ActionStep, Step } from '@/lib/steps/types';

function click(fields: Partial<ActionStep> = {}): ActionStep {
  return {
    id: 's',
    guideId: 'g',
    order: 0,
    kind: 'action',
    text: '',
    action: { kind: 'click', target: { role: 'button', name: 'B', tag: 'button', selectors: [] }, point: { x: 320, y: 200 } },
    page: { url: 'https://x', title: 'x' },
    viewport: { width: 1280, height: 800, dpr: 2 },
    shot: 'settled',
    createdAt: 0,
    updatedAt: 0,
    ...fields,
  };
}

describe('export layout rules', () => {
  it('puts the marker at the click point, where the trainer moved it, or nowhere', () => {
    expect(markerPoint(click())).toEqual({ x: 0.25, y: 0.25 });
    expect(markerPoint(click({ marker: { at: { x: 0.9, y: 0.1 } } }))).toEqual({ x: 0.9, y: 0.1 });
    expect(markerPoint(click({ marker: { hidden: true, at: { x: 0.9, y: 0.1 } } }))).toBeUndefined();
    expect(markerPoint(click({ viewport: undefined }))).toBeUndefined();
    expect(markerPoint(click({ action: { kind: 'key', key: 'Enter' } }))).toBeUndefined();
    // A point outside the picture (the page scrolled between frame and click) is not drawn.
    expect(markerPoint(click({ viewport: { width: 100, height: 100, dpr: 1 } }))).toBeUndefined();
  });

  it('chooses Letter paper in North America and A4 elsewhere', () => {
    expect(defaultPaper('en-US')).toBe('letter');
    expect(defaultPaper('fr-CA')).toBe('letter');
    expect(defaultPaper('en-GB')).toBe('a4');
    expect(defaultPaper('ru')).toBe('a4');
  });

  it('numbers only action steps, and never leaves a numbered step without a sentence', () => {
    const heading: Step = { id: 'h', guideId: 'g', order: 0, kind: 'heading', text: 'Part', createdAt: 0, updatedAt: 0 };
    const numbered = numberSteps([heading, click(), click({ text: '  ' }), heading]);
    expect(numbered.map((n) => n.number)).toEqual([undefined, 1, 2, undefined]);
    expect(sentenceOf(numbered[2]!.step, 2)).toBe('Step 2');
  });
});
