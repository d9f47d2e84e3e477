/**
 * Markdown export: page text never becomes markup (checked by rendering guide.md with a real
 * CommonMark parser), numbering runs on across sections, and an empty guide is still a file.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { marked } from 'marked';
import { strFromU8, unzipSync } from 'fflate';
import { escapeMarkdown, exportMarkdown } from '@/lib/export/markdown';
import type { GuideData } from '@/lib/export/guide-data';
import type { Step } from '@/lib/steps/types';

const HOSTILE = '<script>alert(1)</script> [link](javascript:alert(1)) ![x](http://evil/x.png) **bold** # not a heading';

function data(steps: Partial<Step>[], title = 'Guide'): GuideData {
  return {
    guide: { id: 'g', title, intro: '', createdAt: 0, updatedAt: 0, status: 'done' },
    steps: steps.map((s, order) => ({ id: `s${order}`, guideId: 'g', order, createdAt: 0, updatedAt: 0, text: '', kind: 'text', ...s }) as Step),
    image: async () => undefined,
  };
}

async function guideMd(d: GuideData): Promise<string> {
  const files = unzipSync(new Uint8Array(await (await exportMarkdown(d)).arrayBuffer()));
  return strFromU8(files['guide.md']!);
}

function action(text: string, note?: string): Partial<Step> {
  return {
    kind: 'action',
    text,
    note,
    action: { kind: 'click', target: { role: 'button', name: text, tag: 'button', selectors: [] } },
    page: { url: 'https://x', title: 'x' },
    shot: 'none',
  } as Partial<Step>;
}

describe('markdown export', () => {
  it('escapes hostile page text so it renders as the same text, with no tag, link or image', async () => {
    const md = await guideMd(data([action(HOSTILE, `${HOSTILE}\nsecond line`)], HOSTILE));
    const html = await marked.parse(md);
    expect(html).not.toMatch(/<script|<a |<img|<strong>bold/);
    const text = new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';
    expect(text).toContain(HOSTILE);
    expect(text).toContain('second line');
  });

  it('keeps step numbers running across sections and lists the sections', async () => {
    const md = await guideMd(
      data([{ kind: 'heading', text: 'Start' }, action('One'), action('Two'), { kind: 'heading', text: 'Finish' }, action('Three'), { kind: 'callout', tone: 'tip', text: 'Save often' } as Partial<Step>]),
    );
    const doc = new DOMParser().parseFromString(await marked.parse(md), 'text/html');
    expect([...doc.querySelectorAll('h2')].map((h) => h.textContent)).toEqual(['Start', 'Finish']);
    const lists = [...doc.querySelectorAll('ol')];
    expect(lists.map((ol) => ol.getAttribute('start') ?? '1')).toEqual(['1', '3']);
    expect(doc.querySelector('blockquote')?.textContent?.trim()).toBe('Tip: Save often');
    expect(md).toContain('**Contents**');
    expect(md).toContain('3 steps');
  });

  it('writes a sensible file for an empty guide and for a 500-character sentence', async () => {
    expect(await guideMd(data([], ''))).toContain('# Untitled guide');
    expect(await guideMd(data([]))).toContain('no steps yet');
    const long = 'Ж'.repeat(500);
    expect(await guideMd(data([action(long)]))).toContain(`1. **${long}**`);
  });

  it('fuzz: any string survives escaping as exactly its text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (s) => {
        const inline = s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').replace(/[\r\n\t]+/g, ' ').trim();
        // Markdown trims the ends of a paragraph: compare strings that have none to trim.
        fc.pre(inline.length > 0 && !/[\p{White_Space}]/u.test(inline[0]! + inline.at(-1)!));
        const html = marked.parseInline(escapeMarkdown(s)) as string;
        const text = new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html').body.textContent;
        expect(text).toBe(inline);
      }),
      { numRuns: 400 },
    );
  });
});
