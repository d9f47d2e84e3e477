/**
 * The element finder on fixture DOMs: a step recorded on one version of a page, looked up
 * on another (renamed, moved, removed, duplicated, inside shadow roots, rendered late).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeTarget } from '@/lib/capture/describe';
import { findTarget, findWhenReady, nameSimilarity } from '@/lib/walk/find';
import type { TargetDescription } from '@/lib/steps/types';

function page(html: string): void {
  document.body.innerHTML = html;
}

/** Records the element matching `selector` as the recorder would. */
function recorded(selector: string): TargetDescription {
  const element = document.querySelector(selector);
  if (!element) throw new Error(`no ${selector}`);
  return describeTarget(element);
}

afterEach(() => page(''));

const TOOLBAR = `
  <h1>Expenses</h1>
  <div class="toolbar">
    <button id="save">Save draft</button>
    <button>Submit for approval</button>
    <button>Delete report</button>
    <a href="/help">Help</a>
  </div>
  <label>Merchant <input name="merchant"></label>
  <label><input type="checkbox" id="notify"> Notify manager</label>`;

describe('findTarget', () => {
  it('finds the same element by role and name on the same page', () => {
    page(TOOLBAR);
    for (const selector of ['#save', '.toolbar button:nth-child(2)', 'a', 'input[name="merchant"]', '#notify']) {
      const target = recorded(selector);
      const result = findTarget(target);
      expect(result.verdict, selector).toBe('found');
      expect(result.element, selector).toBe(document.querySelector(selector));
    }
  });

  it('finds a button moved elsewhere in the page by its name', () => {
    page(TOOLBAR);
    const target = recorded('.toolbar button:nth-child(2)');
    page(`<footer><p>Done?</p><button>Delete report</button><span><button>Submit for approval</button></span></footer>`);
    const result = findTarget(target);
    expect(result.verdict).toBe('found');
    expect(result.element?.textContent).toBe('Submit for approval');
  });

  it('finds an element whose name differs only in case and spacing', () => {
    page(TOOLBAR);
    const target = recorded('#save');
    page('<button id="x">  save   DRAFT </button>');
    expect(findTarget(target).verdict).toBe('found');
  });

  it('marks a renamed button that kept its id as changed, with its new name', () => {
    page(TOOLBAR);
    const target = recorded('#save');
    page(TOOLBAR.replace('Save draft', 'Keep for later'));
    const result = findTarget(target);
    expect(result.verdict).toBe('changed');
    expect(result.name).toBe('Keep for later');
    expect(result.element).toBe(document.querySelector('#save'));
  });

  it('marks a renamed button without id as changed when its new name shares words', () => {
    page(TOOLBAR);
    const target = recorded('.toolbar button:nth-child(2)');
    page(TOOLBAR.replace('Submit for approval', 'Submit for review'));
    const result = findTarget(target);
    expect(result.verdict).toBe('changed');
    expect(result.name).toBe('Submit for review');
  });

  it('reports a removed button as missing, even though a sibling now takes its slot', () => {
    page(TOOLBAR);
    const target = recorded('.toolbar button:nth-child(3)');
    page(TOOLBAR.replace('<button>Delete report</button>', ''));
    const result = findTarget(target);
    expect(result.verdict).toBe('missing');
    expect(result.element).toBeUndefined();
  });

  it('does not take a removed button for its neighbour when both lost their place', () => {
    page(TOOLBAR);
    const submit = recorded('.toolbar button:nth-child(2)');
    const remove = recorded('.toolbar button:nth-child(3)');
    // Release 2: "Submit for approval" is gone, "Delete report" moved into its slot.
    page(TOOLBAR.replace('<button>Submit for approval</button>', ''));
    expect(findTarget(submit).verdict).toBe('missing');
    expect(findTarget(remove).verdict).toBe('found');
    expect(findTarget(remove).element?.textContent).toBe('Delete report');
  });

  it('chooses among duplicates by the other clues', () => {
    page(`<section id="a"><button class="row-edit">Edit</button></section>
          <section id="b"><button class="row-edit" data-testid="edit-b">Edit</button></section>`);
    const target = recorded('[data-testid="edit-b"]');
    const result = findTarget(target);
    expect(result.verdict).toBe('found');
    expect(result.element).toBe(document.querySelector('[data-testid="edit-b"]'));
  });

  it('ignores hidden elements with the same name', () => {
    page(TOOLBAR);
    const target = recorded('#save');
    page('<button id="save" hidden>Save draft</button><div style="display:none"><button>Save draft</button></div>');
    expect(findTarget(target).verdict).toBe('missing');
  });

  it('calls getComputedStyle on its window, as a Firefox content script requires', () => {
    page(TOOLBAR);
    const target = recorded('#save');
    const original = window.getComputedStyle.bind(window);
    // A Firefox content script refuses the call unless `this` is the window.
    const style = vi.spyOn(window, 'getComputedStyle').mockImplementation(function (this: unknown, element: Element, pseudo?: string | null) {
      if (this !== window) throw new TypeError("'getComputedStyle' called on an object that does not implement interface Window.");
      return original(element, pseudo);
    });
    try {
      expect(findTarget(target).verdict).toBe('found');
      expect(style).toHaveBeenCalled();
    } finally {
      style.mockRestore();
    }
  });

  it('does not match a different kind of control with the same words', () => {
    page(TOOLBAR);
    const target = recorded('a');
    page('<h2>Help</h2><p>Help</p>');
    expect(findTarget(target).verdict).toBe('missing');
  });

  it('finds fields by their label after the form was rebuilt', () => {
    page(TOOLBAR);
    const target = recorded('input[name="merchant"]');
    page('<form><div><label for="m2">Merchant</label><input id="m2"></div></form>');
    const result = findTarget(target);
    expect(result.verdict).toBe('found');
    expect(result.element).toBe(document.querySelector('#m2'));
  });

  it('finds elements inside open shadow roots, also nested', () => {
    page('<x-app></x-app>');
    const outer = document.querySelector('x-app')!.attachShadow({ mode: 'open' });
    outer.innerHTML = '<x-panel></x-panel>';
    const inner = outer.querySelector('x-panel')!.attachShadow({ mode: 'open' });
    inner.innerHTML = '<button id="approve">Approve</button><button>Reject</button>';
    const target = describeTarget(inner.querySelector('#approve')!);
    const result = findTarget(target);
    expect(result.verdict).toBe('found');
    expect(result.element).toBe(inner.querySelector('#approve'));
  });

  it('cannot see into closed shadow roots', () => {
    page('<x-app></x-app>');
    const root = document.querySelector('x-app')!.attachShadow({ mode: 'closed' });
    root.innerHTML = '<button>Approve</button>';
    const target = describeTarget(root.querySelector('button')!);
    expect(findTarget(target).verdict).toBe('missing');
  });
});

describe('findWhenReady', () => {
  it('waits for an element the page renders late', async () => {
    page(TOOLBAR);
    const target = recorded('#save');
    page('<p>Loading…</p>');
    setTimeout(() => page(TOOLBAR), 150);
    const started = Date.now();
    const result = await findWhenReady(target, document, { timeoutMs: 3000 });
    expect(result.verdict).toBe('found');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('gives its best guess when the time is up', async () => {
    page(TOOLBAR);
    const target = recorded('#save');
    page(TOOLBAR.replace('Save draft', 'Keep for later'));
    const progress: string[] = [];
    const result = await findWhenReady(target, document, { timeoutMs: 300, onProgress: (r) => progress.push(r.verdict) });
    expect(result.verdict).toBe('changed');
    expect(progress[0]).toBe('changed');
  });

  it('reports missing after the timeout for a removed element', async () => {
    page(TOOLBAR);
    const target = recorded('.toolbar button:nth-child(3)');
    page(TOOLBAR.replace('<button>Delete report</button>', ''));
    const result = await findWhenReady(target, document, { timeoutMs: 200 });
    expect(result.verdict).toBe('missing');
  });

  it('stops when aborted', async () => {
    page('<p>nothing</p>');
    const controller = new AbortController();
    const pending = findWhenReady({ role: 'button', name: 'Go', tag: 'button', selectors: [] }, document, {
      timeoutMs: 10_000,
      signal: controller.signal,
    });
    controller.abort();
    expect((await pending).verdict).toBe('missing');
  });
});

describe('nameSimilarity', () => {
  it('is the share of words in common', () => {
    expect(nameSimilarity('Submit for approval', 'Submit for approval')).toBe(1);
    expect(nameSimilarity('Submit for approval', 'Submit to manager')).toBeCloseTo(0.2);
    expect(nameSimilarity('Save', '')).toBe(0);
  });
});

describe('findTarget on a renamed button with nothing else in common', () => {
  it('reports it missing rather than guessing', () => {
    page(TOOLBAR);
    const target = recorded('.toolbar button:nth-child(2)');
    page(TOOLBAR.replace('Submit for approval', 'Send'));
    expect(findTarget(target).verdict).toBe('missing');
  });
});
