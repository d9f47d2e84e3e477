/** Page titles as a reader wants them in a sentence or a guide title: one line, trimmed. */
export function cleanTitle(title: string): string {
  return title.replace(/\s+/g, ' ').trim();
}
