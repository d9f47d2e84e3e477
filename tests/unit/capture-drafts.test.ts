/** The stored draft of the edit being typed (lib/capture/drafts.ts). */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Drafts } from '@/lib/capture/drafts';
import { PendingEdits } from '@/lib/capture/edits';
import { OUTBOX_PREFIX, post, type OutboxEntry } from '@/lib/capture/outbox';
import type { ActionContext } from '@/lib/messages';

const context = { changeCount: 0, at: 0, url: 'https://a/', title: 'A' } as unknown as ActionContext;

async function stored(): Promise<Record<string, OutboxEntry>> {
  return (await fakeBrowser.storage.local.get(null)) as Record<string, OutboxEntry>;
}

const typedValue = (entry: OutboxEntry | undefined) => (entry?.action.kind === 'type' ? entry.action.value : undefined);

describe('Drafts: a tab closed mid-typing keeps what was typed', () => {
  let edits: PendingEdits;
  let drafts: Drafts;
  let hidden: boolean;
  let input: HTMLInputElement;
  let writes: ReturnType<typeof vi.spyOn>;

  const type = (value: string) => {
    input.value = value;
    edits.edited(input);
    drafts.keep();
  };

  beforeEach(() => {
    fakeBrowser.reset();
    document.body.innerHTML = '<label>Merchant <input id="m"></label>';
    input = document.querySelector('input')!;
    edits = new PendingEdits();
    hidden = false;
    drafts = new Drafts(edits, () => context, () => hidden);
    edits.entered(input);
    writes = vi.spyOn(fakeBrowser.storage.local, 'set');
  });
  afterEach(() => writes.mockRestore());

  it('a burst of keys is written once under way and once with the newest state', async () => {
    for (const value of ['B', 'Bl', 'Blu', 'Blue']) type(value);
    await vi.waitFor(async () => expect(typedValue(Object.values(await stored())[0])).toBe('Blue'));
    expect(writes).toHaveBeenCalledTimes(2);
    const [entry, ...others] = Object.values(await stored());
    expect(others).toEqual([]);
    expect(entry).toMatchObject({ draft: true, action: { kind: 'type', target: { name: 'Merchant' } } });
  });

  it('writes are spaced: keys typed just after a write wait for the next one', async () => {
    type('B');
    await new Promise((resolve) => setTimeout(resolve, 20)); // the first write is done
    type('Bl');
    type('Blu');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(writes).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(writes).toHaveBeenCalledTimes(2));
    expect(typedValue(Object.values(await stored())[0])).toBe('Blu');
  });

  it('an edit that becomes a step lends it the draft id; no older state is written over its copy', async () => {
    type('B');
    type('Bl'); // waits for the first write
    const edit = edits.commit(input)!;
    const id = drafts.end(edit)!;
    await post(edit.action, context, id);
    await vi.waitFor(() => expect(writes).toHaveBeenCalledTimes(2));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(writes).toHaveBeenCalledTimes(2);
    const entries = await stored();
    expect(Object.keys(entries)).toEqual([OUTBOX_PREFIX + id]);
    expect(entries[OUTBOX_PREFIX + id]).not.toHaveProperty('draft');
    expect(typedValue(entries[OUTBOX_PREFIX + id])).toBe('Bl');
  });

  it('a page being left writes its newest state at once, even when it reads the field as empty', () => {
    writes.mockReturnValue(new Promise(() => undefined)); // the first write never ends
    type('B');
    type('Oat milk');
    hidden = true;
    input.value = ''; // as Firefox reads a field while its tab closes
    expect(drafts.end(edits.commit())).toBeUndefined();
    expect(writes).toHaveBeenCalledTimes(2);
    const [written] = Object.values(writes.mock.calls[1]![0] as Record<string, OutboxEntry>);
    expect(written).toMatchObject({ draft: true });
    expect(typedValue(written)).toBe('Oat milk');
  });

  it('typed, then undone: the draft is deleted, and a state still waiting is not written', async () => {
    type('B');
    type('Bl');
    type('');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await stored()).toEqual({});
  });
});
