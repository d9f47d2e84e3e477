/** Word export: the text of a guide reads back from word/document.xml, page text stays text. */
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { exportDocx } from '@/lib/export/docx';
import type { GuideData } from '@/lib/export/guide-data';
import type { Step } from '@/lib/steps/types';

const HOSTILE = '<w:p>injected</w:p> & "quotes"';

function data(steps: Partial<Step>[]): GuideData {
  return {
    guide: { id: 'g', title: `Guide ${HOSTILE}`, intro: 'An intro for new hires, written by the trainer.', createdAt: 0, updatedAt: 0, status: 'done' },
    steps: steps.map((s, order) => ({ id: `s${order}`, guideId: 'g', order, createdAt: 0, updatedAt: 0, text: '', kind: 'text', ...s }) as Step),
    image: async () => undefined,
  };
}

describe('Word export', () => {
  it('writes title, intro, headings, numbered steps, notes, callouts and addresses as text', async () => {
    const blob = await exportDocx(data([
      { kind: 'heading', text: 'Part 1' },
      { kind: 'action', text: 'Go to "Reports"', action: { kind: 'navigate', page: { url: 'https://x.test/r?a=1&b=2', title: 'Reports' } }, page: { url: '', title: '' }, shot: 'none' } as Partial<Step>,
      { kind: 'action', text: `Click "${HOSTILE}"`, note: 'A note', action: { kind: 'click', target: { role: 'button', name: 'x', tag: 'button', selectors: [] } }, page: { url: '', title: '' }, shot: 'none' } as Partial<Step>,
      { kind: 'callout', tone: 'warning', text: 'Careful' } as Partial<Step>,
    ]), undefined, new Date('2026-01-02'));
    const files = unzipSync(new Uint8Array(await blob.arrayBuffer()));
    const xml = strFromU8(files['word/document.xml']!);
    const decode = (t: string) => t.replace(/&(lt|gt|quot|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', amp: '&' })[e]!);
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1]!)).join('|');
    expect(text).toContain(`Guide ${HOSTILE}|`);
    expect(text).toContain('January 2, 2026 · 2 steps');
    expect(text).toContain('Part 1|1. |Go to "Reports"|https://x.test/r?a=1&b=2');
    expect(text).toContain(`2. |Click "${HOSTILE}"`);
    expect(text).toContain('A note');
    expect(text).toContain('Warning: |Careful');
    expect(xml).not.toContain('<w:p>injected');
    expect(strFromU8(files['word/_rels/document.xml.rels']!)).toContain('Target="https://x.test/r?a=1&amp;b=2" TargetMode="External"');
  });
});
