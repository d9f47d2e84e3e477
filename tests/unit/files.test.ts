import { describe, expect, it } from 'vitest';
import { fileNameFor } from '@/lib/export/files';

describe('fileNameFor', () => {
  it('keeps the title, minus characters a file system refuses', () => {
    expect(fileNameFor('Expenses – Acme', 'html')).toBe('Expenses – Acme.html');
    expect(fileNameFor('a/b\\c:d*e?"f<g>h|', 'pdf')).toBe('a b c d e f g h.pdf');
    expect(fileNameFor('  ', 'html')).toBe('guide.html');
    expect(fileNameFor('...hidden', 'html')).toBe('hidden.html');
    expect(fileNameFor('x'.repeat(300), 'html').length).toBe(105);
  });
});
