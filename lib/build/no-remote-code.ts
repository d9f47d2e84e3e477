/**
 * A build step (Vite plugin, used by wxt.config.ts) that keeps remotely hosted code out of the
 * package: the Chrome Web Store rejects MV3 extensions whose code refers to scripts on the web.
 *
 * jsPDF's `output('pdfobjectnewwindow')` loads PDFObject from cdnjs. Waymark never calls that
 * output (PDFs are saved as files), so the URL is removed from jsPDF's source; the call would
 * then load nothing. `tests/support/check-remote-code.ts` checks the built packages for any
 * other such URL, so a new one in an update of a library fails the build check.
 */
import type { Plugin } from 'vite';

const PDFOBJECT_CDN = /https?:\/\/cdnjs\.cloudflare\.com\/ajax\/libs\/pdfobject\/[^"'`\s]+/g;

export function noRemoteCode(): Plugin {
  return {
    name: 'waymark-no-remote-code',
    transform(code, id) {
      if (!id.includes('/node_modules/jspdf/') || !code.includes('cdnjs.cloudflare.com/ajax/libs/pdfobject/')) return null;
      return { code: code.replace(PDFOBJECT_CDN, ''), map: null };
    },
  };
}
