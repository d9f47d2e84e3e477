/** The walk's pure rules: pages, moving along, health marks, re-capture and its undo, what an event does. */
import { describe, expect, it } from 'vitest';
import { IDLE, moveTo, noteHealth, samePage, statusOf, viewOf, type WalkSession } from '@/lib/walk/view';
import { attentionCount, healthAfter } from '@/lib/walk/health';
import { recapturedStep, restoredStep } from '@/lib/walk/recapture';
import { actionOf, performs } from '@/lib/walk/perform';
import { describeTarget } from '@/lib/capture/describe';
import type { Action, ActionStep, TargetDescription } from '@/lib/steps/types';

const target: TargetDescription = { role: 'button', name: 'Submit for approval', tag: 'button', selectors: ['#submit'] };

function step(id: string, action: Action, text: string): ActionStep {
  return { id, guideId: 'g', order: 0, kind: 'action', action, page: { url: 'https://app.test/form', title: 'Form' }, text, shot: 'settled', imageId: 'img-1', createdAt: 1, updatedAt: 1 };
}

const walking: WalkSession = { ...IDLE, state: 'walking', guideId: 'g', tabId: 4, stepIds: ['a', 'b', 'c'], stepIndex: 0, stepCount: 3 };

describe('samePage', () => {
  it('compares origin and path, ignores query and plain fragments, keeps hash routes', () => {
    expect(samePage('https://app.test/form?id=1', 'https://app.test/form?id=2#top')).toBe(true);
    expect(samePage('https://app.test/form/', 'https://app.test/form')).toBe(true);
    expect(samePage('https://app.test/form', 'https://app.test/done')).toBe(false);
    expect(samePage('https://app.test/form', 'http://app.test/form')).toBe(false);
    expect(samePage('https://app.test/#/reports', 'https://app.test/#/reports/4')).toBe(false);
    expect(samePage('https://app.test/#/reports', 'https://app.test/#/reports')).toBe(true);
    expect(samePage('not a url', 'https://app.test/')).toBe(false);
  });
});

describe('moving along', () => {
  it('stops at the first step going back and is done past the last', () => {
    expect(moveTo(walking, -1).stepIndex).toBe(0);
    expect(moveTo(walking, 2)).toMatchObject({ state: 'walking', stepIndex: 2 });
    expect(moveTo(walking, 3)).toMatchObject({ state: 'done', stepIndex: 2 });
  });

  it('keeps a step in one list at most, and out of both once found', () => {
    let s = noteHealth(walking, 'a', 'missing');
    expect(s).toMatchObject({ stale: ['a'], changed: [] });
    s = noteHealth(s, 'a', 'changed');
    expect(s).toMatchObject({ stale: [], changed: ['a'] });
    s = noteHealth(s, 'a', 'found');
    expect(s).toMatchObject({ stale: [], changed: [] });
  });

  it('reports the status without the internal fields', () => {
    expect(statusOf({ ...walking, pending: { stepId: 'a', useNewSentence: false } })).toEqual({
      state: 'walking', guideId: 'g', stepIndex: 0, stepCount: 3, stale: [], changed: [], recaptured: [],
    });
  });

  it('gives the page the next step too, so it can move on at once', () => {
    const a = step('a', { kind: 'click', target }, 'Click');
    const b = step('b', { kind: 'type', target, value: '••••', masked: true }, 'Type');
    const view = viewOf(noteHealth(walking, 'a', 'missing'), a, b);
    expect(view).toMatchObject({ stepId: 'a', index: 0, count: 3, mark: 'stale', masked: false });
    expect(view.next).toMatchObject({ stepId: 'b', index: 1, masked: true });
    expect(view.next?.next).toBeUndefined();
  });
});

describe('health marks', () => {
  const s = step('a', { kind: 'click', target }, 'Click "Submit for approval"');
  it('marks stale and changed with the first time they were seen so', () => {
    expect(healthAfter(s, 'missing', undefined, 50)).toEqual({ state: 'stale', seenAt: 50 });
    const stale = { ...s, health: { state: 'stale' as const, seenAt: 50 } };
    expect(healthAfter(stale, 'missing', undefined, 90)).toEqual({ state: 'stale', seenAt: 50 });
    expect(healthAfter(stale, 'changed', 'Send', 90)).toEqual({ state: 'changed', seenAt: 90, nameNow: 'Send' });
    expect(healthAfter(stale, 'found', undefined, 90)).toBeUndefined();
  });

  it('counts the steps that need attention', () => {
    expect(attentionCount([s, { ...s, health: { state: 'stale', seenAt: 1 } }, { ...s, health: { state: 'recaptured', seenAt: 1 } }])).toBe(1);
  });
});

describe('re-capture', () => {
  const fresh = {
    action: { kind: 'click', target: { ...target, name: 'Send for approval' } } as Action,
    page: { url: 'https://app.test/form', title: 'Form' },
    viewport: { width: 800, height: 600, dpr: 1 },
    imageId: 'img-2',
    useNewSentence: false,
  };

  it('replaces target and picture; a template sentence follows, an edited one stays', () => {
    const templated = step('a', { kind: 'click', target }, 'Click "Submit for approval"');
    const after = recapturedStep({ ...templated, marker: { hidden: true }, crop: { x: 0, y: 0, width: 1, height: 1 } }, fresh, 9);
    expect(after).toMatchObject({ text: 'Click "Send for approval"', imageId: 'img-2', health: { state: 'recaptured', seenAt: 9 } });
    expect(after.marker).toBeUndefined();
    expect(after.crop).toBeUndefined();
    const edited = { ...templated, text: 'Send it to your manager', note: 'Ask first' };
    expect(recapturedStep(edited, fresh, 9)).toMatchObject({ text: 'Send it to your manager', note: 'Ask first' });
    expect(recapturedStep(edited, { ...fresh, useNewSentence: true }, 9).text).toBe('Click "Send for approval"');
  });

  it('undo puts back exactly the step as it was', () => {
    const original = { ...step('a', { kind: 'click', target }, 'Mine'), note: 'n', marker: { hidden: true } };
    const restored = restoredStep(recapturedStep(original, fresh, 9), 10);
    expect(restored).toEqual({ ...original, updatedAt: 10 });
    expect(restoredStep(original, 10)).toBeUndefined();
  });
});

/** Events from a person: happy-dom's are untrusted, so mark them as a browser would. */
function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

function fire<E extends Event>(element: Element, event: E): E {
  let seen: E | undefined;
  const listener = (e: Event) => (seen = e as E);
  window.addEventListener(event.type, listener, { capture: true });
  element.dispatchEvent(trusted(event));
  window.removeEventListener(event.type, listener, { capture: true });
  return seen!;
}

describe('performs', () => {
  it('takes a click inside the control as the click step, not a click elsewhere', () => {
    document.body.innerHTML = '<button id="b"><span>Go</span></button><p>else</p>';
    const button = document.querySelector('#b')!;
    const action: Action = { kind: 'click', target: describeTarget(button) };
    expect(performs(action, fire(button.querySelector('span')!, new MouseEvent('click', { bubbles: true })), button)).toBe(true);
    expect(performs(action, fire(document.querySelector('p')!, new MouseEvent('click', { bubbles: true })), button)).toBe(false);
    // A script's click is not the user's.
    expect(performs(action, new MouseEvent('click'), button)).toBe(false);
  });

  it('takes a committed value as typing, a toggle as checking, a key as a key step', () => {
    document.body.innerHTML = '<input id="t"><input type="checkbox" id="c"><select id="s"><option>A</option></select>';
    const [text, box, select] = ['#t', '#c', '#s'].map((s) => document.querySelector(s)!);
    const type: Action = { kind: 'type', target: describeTarget(text!), value: '••', masked: true };
    expect(performs(type, fire(text!, new Event('input', { bubbles: true })), text)).toBe(false);
    expect(performs(type, fire(text!, new Event('change', { bubbles: true })), text)).toBe(true);
    const check: Action = { kind: 'check', target: describeTarget(box!), checked: true };
    expect(performs(check, fire(box!, new MouseEvent('click', { bubbles: true })), box)).toBe(false);
    expect(performs(check, fire(box!, new Event('change', { bubbles: true })), box)).toBe(true);
    const choice: Action = { kind: 'select', target: describeTarget(select!), option: 'A' };
    expect(performs(choice, fire(select!, new Event('change', { bubbles: true })), select)).toBe(true);
    const escape: Action = { kind: 'key', key: 'Escape' };
    expect(performs(escape, fire(document.body, new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })), undefined)).toBe(true);
    expect(performs(escape, fire(document.body, new KeyboardEvent('keydown', { key: 'a', bubbles: true })), undefined)).toBe(false);
  });

  it('never counts anything for a step whose element was not found', () => {
    document.body.innerHTML = '<button>Go</button>';
    const action: Action = { kind: 'click', target };
    expect(performs(action, fire(document.querySelector('button')!, new MouseEvent('click', { bubbles: true })), undefined)).toBe(false);
  });
});

describe('actionOf (re-capture)', () => {
  it('describes a click on a control and a committed field value, masking secrets', () => {
    document.body.innerHTML = '<button>Send for approval</button><label>PIN <input type="password" id="p"></label>';
    const click = actionOf(fire(document.querySelector('button')!, new MouseEvent('click', { bubbles: true })));
    expect(click).toMatchObject({ kind: 'click', target: { role: 'button', name: 'Send for approval' } });
    const pin = document.querySelector<HTMLInputElement>('#p')!;
    pin.value = '4321';
    const typed = actionOf(fire(pin, new Event('change', { bubbles: true })));
    expect(typed).toMatchObject({ kind: 'type', masked: true });
    expect(JSON.stringify(typed)).not.toContain('4321');
  });
});
