/**
 * The Unicode font of PDF exports. jsPDF's standard fonts cover only WinAnsi, so Cyrillic,
 * Greek and most other scripts a recorded page may show would be lost; DejaVu Sans covers
 * Latin, Cyrillic, Greek, Armenian, Georgian, Hebrew and Arabic (not CJK). The TTF files come
 * from the `dejavu-fonts-ttf` npm package and are emitted into the build by Vite (`?url`),
 * so they ship inside the extension (licence: public/fonts/LICENSE-DejaVu.txt) and are only
 * fetched, from the extension itself, when a PDF is asked for. jsPDF embeds the subset used.
 */
import type { jsPDF } from 'jspdf';
import regularUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url';
import boldUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf?url';

export const PDF_FONT = 'DejaVuSans';

let cache: Promise<[string, string]> | undefined;

async function base64Of(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`The PDF font is missing from the extension (${response.status}).`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

/** Registers the regular and bold faces on a document (font files read once per page load). */
export async function useUnicodeFont(pdf: jsPDF): Promise<void> {
  cache ??= Promise.all([base64Of(regularUrl), base64Of(boldUrl)]);
  const [regular, bold] = await cache.catch((e: unknown) => {
    cache = undefined;
    throw e;
  });
  pdf.addFileToVFS('DejaVuSans.ttf', regular);
  pdf.addFileToVFS('DejaVuSans-Bold.ttf', bold);
  pdf.addFont('DejaVuSans.ttf', PDF_FONT, 'normal');
  pdf.addFont('DejaVuSans-Bold.ttf', PDF_FONT, 'bold');
  pdf.setFont(PDF_FONT, 'normal');
}
