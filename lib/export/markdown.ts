/**
 * Markdown export: a .zip with guide.md and an images/ folder, links relative, so it can be
 * pasted into a wiki or committed to a Git repository. Page text is escaped: every ASCII
 * punctuation mark gets a backslash (CommonMark allows this for all of them), so a sentence
 * can never become a link, an image, raw HTML or a heading.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { Step } from '@/lib/steps/types';
import { actionCount, type GuideData, numberSteps, type Progress, renderAhead, sentenceOf } from './guide-data';

const MAX_IMAGE_WIDTH = 1600;

/** Escapes text for Markdown: inline only (line breaks become spaces, control characters go). */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`)
    .trim();
}

/** A multi-line text (intro, note) as a Markdown block, each line escaped, hard breaks kept. */
function block(text: string, indent = ''): string {
  return text
    .split(/\r?\n/)
    .map((line) => escapeMarkdown(line))
    .filter((line, i, all) => line || (i > 0 && i < all.length - 1))
    .map((line) => `${indent}${line}`)
    .join('\\\n');
}

function stepMarkdown(step: Step, number: number | undefined, image: string | undefined): string {
  const text = escapeMarkdown(sentenceOf(step, number));
  const note = step.note ? block(step.note, '   ') : '';
  switch (step.kind) {
    case 'heading':
      return `## ${text || 'Section'}`;
    case 'text':
      return [text, step.note ? block(step.note) : ''].filter(Boolean).join('\n\n');
    case 'callout': {
      const label = step.tone === 'tip' ? 'Tip' : 'Warning';
      const body = [`**${label}:** ${text}`, step.note ? block(step.note) : ''].filter(Boolean).join('\n\n');
      return body.split('\n').map((line) => `> ${line}`).join('\n');
    }
    case 'action': {
      // An explicit number keeps the count going across headings (CommonMark starts a list at it).
      const parts = [`${number}. **${text}**`];
      if (note) parts.push(note);
      if (image) parts.push(`   ![${text}](${image})`);
      return parts.join('\n\n');
    }
  }
}

export async function exportMarkdown(data: GuideData, onProgress?: Progress, now = new Date()): Promise<Blob> {
  const files: Zippable = {};
  const images: Zippable = {};
  const count = actionCount(data.steps);
  const date = now.toLocaleDateString('en', { dateStyle: 'long' });
  const parts = [`# ${escapeMarkdown(data.guide.title) || 'Untitled guide'}`, `*${date} · ${count} ${count === 1 ? 'step' : 'steps'}*`];
  if (data.guide.intro.trim()) parts.push(block(data.guide.intro));
  const headings = data.steps.filter((s) => s.kind === 'heading');
  if (headings.length > 0) {
    parts.push(['**Contents**', '', ...headings.map((h) => `- ${escapeMarkdown(sentenceOf(h)) || 'Section'}`)].join('\n'));
  }
  if (data.steps.length === 0) parts.push('*This guide has no steps yet.*');
  const numbered = numberSteps(data.steps);
  const shotAt = renderAhead(data, { maxWidth: MAX_IMAGE_WIDTH });
  for (const [i, { step, number }] of numbered.entries()) {
    const shot = await shotAt(i);
    let link: string | undefined;
    if (shot) {
      const name = `step-${String(number).padStart(3, '0')}.jpg`;
      // JPEG is already compressed: store it, do not deflate it again.
      images[name] = [new Uint8Array(await shot.blob.arrayBuffer()), { level: 0 }];
      link = `images/${name}`;
    }
    parts.push(stepMarkdown(step, number, link));
    onProgress?.(i + 1, numbered.length);
  }
  files['guide.md'] = strToU8(`${parts.join('\n\n')}\n`);
  if (Object.keys(images).length > 0) files.images = images;
  return new Blob([zipSync(files)], { type: 'application/zip' });
}
