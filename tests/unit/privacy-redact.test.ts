import { describe, expect, it } from 'vitest';
import { planRedaction, replaceDeep } from '@/lib/privacy/redact';
import type { ActionStep, Step } from '@/lib/steps/types';

const target = (name: string, box = { x: 10, y: 20, width: 200, height: 30 }) => ({ role: 'textbox', name, tag: 'input', selectors: ['#f'], box });

function step(id: string, url: string, action: ActionStep['action'], text: string): ActionStep {
  return { id, guideId: 'g', order: 0, kind: 'action', action, text, page: { url, title: 't' }, imageId: `img-${id}`, shot: 'settled', createdAt: 0, updatedAt: 0 };
}

describe('redact this value everywhere', () => {
  const steps: Step[] = [
    step('1', 'https://a/', { kind: 'type', target: target('Notes'), value: 'my pin is 4921', masked: false }, 'Type "my pin is 4921" into "Notes"'),
    step('2', 'https://a/', { kind: 'click', target: target('Save') }, 'Click "Save"'),
    step('3', 'https://b/', { kind: 'click', target: target('Done') }, 'Click "Done" (4921 was the pin)'),
    { id: '4', guideId: 'g', order: 3, kind: 'text', text: 'Remember 4921', createdAt: 0, updatedAt: 0 },
  ];

  it('rewrites every string that holds the value and marks the typing step masked', () => {
    const plan = planRedaction(steps, '4921');
    expect(plan.rewritten.map((s) => s.id)).toEqual(['1', '3', '4']);
    const typed = plan.rewritten[0] as ActionStep;
    expect(typed.text).toBe('Type "my pin is ••••" into "Notes"');
    expect(typed.action).toMatchObject({ value: 'my pin is ••••', masked: true });
    expect(JSON.stringify(plan.rewritten)).not.toContain('4921');
  });

  it('re-blurs the field box in every screenshot of the page where it was typed, not elsewhere', () => {
    const plan = planRedaction(steps, '4921');
    expect([...plan.reblur.keys()]).toEqual(['img-1', 'img-2']);
    expect(plan.reblur.get('img-2')?.boxes).toEqual([{ x: 10, y: 20, width: 200, height: 30 }]);
  });

  it('replaceDeep leaves non-strings alone', () => {
    expect(replaceDeep({ a: 'x1x', n: 1, b: [true, 'x'] }, 'x', '•')).toEqual({ a: '•1•', n: 1, b: [true, '•'] });
  });
});
