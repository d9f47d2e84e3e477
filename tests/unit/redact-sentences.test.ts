import { describe, expect, it } from 'vitest';
import { planRedaction } from '@/lib/privacy/redact';
import { sentenceFor } from '@/lib/steps/sentences';
import type { Action, ActionStep } from '@/lib/steps/types';

const target = { role: 'textbox', name: 'Merchant', tag: 'input', selectors: ['#merchant'], box: { x: 10, y: 20, width: 200, height: 30 } };

function step(id: string, action: Action, text = sentenceFor(action)): ActionStep {
  return { id, guideId: 'g', order: 0, kind: 'action', action, text, page: { url: 'https://a/', title: 't' }, imageId: `img-${id}`, shot: 'settled', createdAt: 0, updatedAt: 0 };
}

describe('redacted sentences follow the sentence rules', () => {
  const typed: Action = { kind: 'type', target, value: 'Blue Bottle', masked: false };

  it('writes an unedited sentence again from its template: the mask unquoted, like any masked value', () => {
    const [redacted] = planRedaction([step('1', typed)], 'Blue Bottle').rewritten as ActionStep[];
    expect(redacted!.text).toBe(sentenceFor({ ...typed, value: '••••', masked: true }));
    expect(redacted!.text).toBe('Type •••• into Merchant');
  });

  it('keeps the words of a sentence the trainer edited, with only the value replaced', () => {
    const [redacted] = planRedaction([step('1', typed, 'Enter "Blue Bottle" as the merchant')], 'Blue Bottle').rewritten as ActionStep[];
    expect(redacted!.text).toBe('Enter "••••" as the merchant');
  });

  it('renders other step kinds from their template too (a click on a button named by the value)', () => {
    const click: Action = { kind: 'click', target: { ...target, role: 'button', name: 'Pay Blue Bottle' } };
    const [redacted] = planRedaction([step('2', click)], 'Blue Bottle').rewritten as ActionStep[];
    expect(redacted!.text).toBe(sentenceFor({ ...click, target: { ...click.target, name: 'Pay ••••' } }));
    expect(redacted!.text).not.toContain('Blue Bottle');
  });
});
