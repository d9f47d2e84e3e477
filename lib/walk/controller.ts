/**
 * The walk, background side: `walk.*` messages, the walk script injected into the walked
 * tab only (on start and into each new document of that tab), and the health marks.
 * State lives in storage.session (lib/walk/session.ts); this module keeps nothing in memory.
 * Try it by hand: guide page → "Walk through on the site".
 */
import { browser } from 'wxt/browser';
import { db, newId } from '@/lib/db/database';
import { stepsOf } from '@/lib/db/steps';
import { applyChange } from '@/lib/editor/changes';
import type { Message, Protocol, Sender } from '@/lib/messages';
import { sendToTab } from '@/lib/messaging';
import { restrictionOf } from '@/lib/recording/restricted';
import { injectInto } from '@/lib/recording/inject';
import { inTopViewport } from '@/lib/recording/recorder';
import { pictureForAction } from '@/lib/screenshots/picture';
import type { ActionStep, Viewport } from '@/lib/steps/types';
import { markStep } from './health';
import { recaptureChange, undoRecaptureChange } from './recapture';
import { onWalkChange, readWalk, updateWalk } from './session';
import { IDLE, moveTo, noteHealth, statusOf, viewOf, walkedSteps, type WalkSession, type WalkView } from './view';

const SCRIPT = '/walk.js';

type WalkMessage = Extract<Message, { type: `walk.${string}` }>;

export const isWalkMessage = (message: Message): message is WalkMessage => message.type.startsWith('walk.');

/** Control messages come from extension pages, or from the walk script of the walked tab. */
async function allowed(sender: Sender): Promise<boolean> {
  if (sender.url?.startsWith(browser.runtime.getURL('/'))) return true;
  const walk = await readWalk();
  return walk.state !== 'idle' && sender.tab?.id !== undefined && sender.tab.id === walk.tabId;
}

export function handle(message: WalkMessage, sender: Sender): Promise<unknown> | undefined {
  switch (message.type) {
    case 'walk.status':
      // The guide's step ids are not for other pages' eyes: extension pages and the walked tab only.
      return allowed(sender).then((ok): Promise<unknown> => (ok ? readWalk().then(statusOf) : Promise.resolve({ error: 'Not allowed' })));
    case 'walk.start':
      // Only extension pages may open a tab on a page of their choosing.
      if (!sender.url?.startsWith(browser.runtime.getURL('/'))) return Promise.resolve({ error: 'Not allowed' });
      return start(message.guideId, message.tabId);
    case 'walk.view':
    case 'walk.conceal':
      return undefined;
    default:
      return allowed(sender).then((ok) => (ok ? control(message, sender) : { error: 'Not allowed' }));
  }
}

async function control(message: WalkMessage, sender: Sender): Promise<unknown> {
  // A step id must be one of the walked guide's: a page cannot aim a re-capture elsewhere.
  if ('stepId' in message && typeof message.stepId === 'string' && !(await readWalk()).stepIds.includes(message.stepId)) {
    return { error: 'Not a step of this walk' };
  }
  switch (message.type) {
    case 'walk.skip':
      return moveBy(1);
    case 'walk.back':
      return moveBy(-1);
    case 'walk.stop':
      return stop();
    case 'walk.hello':
      return currentView().then((view) => ({ view }));
    case 'walk.performed':
      return performed(message.stepId);
    case 'walk.health':
      return health(message.stepId, message.verdict, message.name);
    case 'walk.recapture':
      return recapture(message, sender);
    case 'walk.undo-recapture':
      return undoRecapture(message.stepId);
    default:
      return Promise.resolve({ error: `Unexpected ${message.type}` });
  }
}

async function start(guideId: string, tabId: number): Promise<Protocol['walk.start']['res']> {
  const steps = walkedSteps(await stepsOf(guideId));
  const first = steps[0];
  if (!first) return { error: 'This guide has no steps to walk.' };
  const url = first.action.kind === 'navigate' ? first.action.page.url : first.page.url;
  const restriction = restrictionOf(url);
  if (restriction) return { error: `Waymark can't open the guide's first page (${url}).` };
  const previous = await readWalk();
  if (previous.tabId !== undefined && previous.tabId !== tabId) void broadcast(previous.tabId, undefined);
  await changeWalk(() => ({ ...IDLE, state: 'walking', guideId, tabId, stepIds: steps.map((s) => s.id), stepIndex: 0, stepCount: steps.length }));
  try {
    await browser.tabs.update(tabId, { url, active: true });
  } catch (error) {
    await changeWalk(() => IDLE);
    return { error: `Cannot open the guide's first page: ${error instanceof Error ? error.message : String(error)}` };
  }
  return { ok: true };
}

/**
 * Changes the walk. A re-capture picture the change leaves waiting for nothing (cancelled,
 * armed again, skipped, stopped) is deleted: no image stays in the database that no step
 * uses. Not for the re-capture itself, whose step takes the picture.
 */
async function changeWalk(change: (walk: WalkSession) => WalkSession): Promise<WalkSession> {
  let unused: string | undefined;
  const updated = await updateWalk((w) => {
    const next = change(w);
    if (w.pending?.imageId && next.pending?.imageId !== w.pending.imageId) unused = w.pending.imageId;
    return next;
  });
  if (unused) await db().images.delete(unused);
  return updated;
}

async function stop(): Promise<{ ok: boolean }> {
  const walk = await readWalk();
  await changeWalk((w) => ({ ...IDLE, guideId: w.guideId, stale: w.stale, changed: w.changed, recaptured: w.recaptured }));
  if (walk.tabId !== undefined) await broadcast(walk.tabId, undefined);
  return { ok: true };
}

async function stepAt(walk: WalkSession, offset = 0): Promise<ActionStep | undefined> {
  const id = walk.stepIds[(walk.stepIndex ?? 0) + offset];
  const step = id ? await db().steps.get(id) : undefined;
  return step?.kind === 'action' ? step : undefined;
}

async function currentView(walk?: WalkSession): Promise<WalkView | undefined> {
  const current = walk ?? (await readWalk());
  if (current.state === 'idle') return undefined;
  const step = await stepAt(current);
  return step ? viewOf(current, step, await stepAt(current, 1)) : undefined;
}

/** Tells every frame of the walked tab what to show now. */
async function broadcast(tabId: number, view: WalkView | undefined): Promise<void> {
  await sendToTab(tabId, { type: 'walk.view', view });
}

async function show(walk: WalkSession): Promise<void> {
  if (walk.tabId !== undefined) await broadcast(walk.tabId, await currentView(walk));
}

async function moveBy(delta: number): Promise<{ ok: boolean }> {
  const walk = await changeWalk((w) => (w.state === 'idle' ? w : moveTo({ ...w, undoable: undefined }, (w.stepIndex ?? 0) + delta)));
  await show(walk);
  return { ok: walk.state !== 'idle' };
}

async function performed(stepId: string): Promise<{ ok: boolean }> {
  let moved = false;
  const walk = await changeWalk((w) => {
    // A late report of a step already passed (or a double event) moves nothing.
    if (w.state !== 'walking' || w.stepIds[w.stepIndex ?? 0] !== stepId) return w;
    moved = true;
    return moveTo({ ...w, undoable: undefined }, (w.stepIndex ?? 0) + 1);
  });
  if (moved) await show(walk);
  return { ok: moved };
}

async function health(stepId: string, verdict: 'found' | 'changed' | 'missing', name?: string): Promise<{ ok: boolean }> {
  const walk = await readWalk();
  if (!walk.stepIds.includes(stepId)) return { ok: false };
  await markStep(stepId, verdict, name);
  const updated = await changeWalk((w) => noteHealth(w, stepId, verdict));
  // The panel says what the check found (and offers a re-capture).
  if (verdict !== 'found' && updated.stepIds[updated.stepIndex ?? 0] === stepId) await show(updated);
  return { ok: true };
}

async function recapture(message: Extract<WalkMessage, { type: 'walk.recapture' }>, sender: Sender): Promise<{ ok: boolean } | { error: string }> {
  if (message.phase === 'cancel') {
    const walk = await changeWalk((w) => ({ ...w, pending: undefined }));
    await show(walk);
    return { ok: true };
  }
  const walk = await readWalk();
  if (walk.tabId === undefined || walk.state !== 'walking') return { error: 'No walk is running' };
  if (message.phase === 'arm') {
    const picture = await takePicture(walk.tabId, walk.guideId!);
    const updated = await changeWalk((w) => ({ ...w, pending: { stepId: message.stepId, useNewSentence: message.useNewSentence, ...picture } }));
    await show(updated);
    return { ok: true };
  }
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId !== walk.tabId) return { error: 'Not the walked tab' };
  // Claimed in one walk update, so a Skip or Stop landing meanwhile cannot delete its picture.
  let pending: WalkSession['pending'];
  await updateWalk((w) => {
    if (w.pending?.stepId !== message.stepId) return w;
    pending = w.pending;
    return { ...w, pending: undefined };
  });
  if (!pending) return { error: 'No re-capture is waiting for this step' };
  const imageId = pending.imageId;
  const change = await recaptureChange(message.stepId, {
    // In the top page's coordinates, like a recorded step's (a frame whose place is unknown keeps no box).
    action: inTopViewport(message.action, tabId, sender.frameId ?? 0, message.frame),
    page: message.page,
    viewport: pending.viewport ?? message.viewport,
    useNewSentence: pending.useNewSentence,
    ...(imageId ? { imageId, shot: 'live' as const } : {}),
  }).catch((error: unknown) => error instanceof Error ? error : new Error(String(error)));
  if (!change || change instanceof Error) {
    // The step is gone (or could not be changed): its picture would be used by nothing.
    if (imageId) await db().images.delete(imageId);
    return { error: change ? `The step could not be re-captured: ${change.message}` : 'The step is no longer in the guide' };
  }
  await applyChange(change);
  const updated = await updateWalk((w) => {
    if (w.state !== 'walking') return w; // stopped meanwhile: the step is changed, the walk over
    const marked = { ...noteHealth(w, message.stepId, 'found'), recaptured: [...w.recaptured.filter((id) => id !== message.stepId), message.stepId] };
    // A Skip or Back that landed meanwhile has moved the walk on already.
    const stillHere = w.stepIds[w.stepIndex ?? -1] === message.stepId;
    return moveTo({ ...marked, undoable: message.stepId }, (w.stepIndex ?? 0) + (stillHere ? 1 : 0));
  });
  await show(updated);
  return { ok: true };
}

/** The page as it is now, before the user acts, without the walk's own panel and ring. */
async function takePicture(tabId: number, guideId: string): Promise<{ imageId?: string; viewport?: Viewport }> {
  const moment = await sendToTab(tabId, { type: 'walk.conceal', hidden: true }, 0);
  if (!moment) return {};
  try {
    const picture = await pictureForAction(tabId, 0, { ...moment, changeCount: -1 });
    if (!picture.image) return { viewport: moment.viewport };
    const imageId = newId();
    await db().images.put({ id: imageId, guideId, ...picture.image });
    return { imageId, viewport: moment.viewport };
  } finally {
    void sendToTab(tabId, { type: 'walk.conceal', hidden: false }, 0);
  }
}

async function undoRecapture(stepId: string): Promise<{ ok: boolean }> {
  const change = await undoRecaptureChange(stepId);
  if (!change) return { ok: false };
  await applyChange(change);
  const walk = await changeWalk((w) => ({ ...w, recaptured: w.recaptured.filter((id) => id !== stepId), undoable: undefined }));
  await show(walk);
  return { ok: true };
}

/** A document (top page or frame) finished parsing in some tab: only the walked tab gets the script. */
export async function frameLoaded(tabId: number, frameId: number): Promise<void> {
  const walk = await readWalk();
  if (walk.state === 'idle' || walk.tabId !== tabId) return;
  await inject(tabId, [frameId]);
}

async function inject(tabId: number, frameIds?: number[]): Promise<void> {
  // Pages Waymark may not touch refuse the script; the walk waits for a page that accepts it.
  await injectInto({ tabId, ...(frameIds ? { frameIds } : {}) }, SCRIPT);
}

export async function tabClosed(tabId: number): Promise<void> {
  const walk = await readWalk();
  if (walk.state !== 'idle' && walk.tabId === tabId) await stop();
}

type Loaded = Parameters<Parameters<typeof browser.webNavigation.onDOMContentLoaded.addListener>[0]>[0];
const onLoaded = (details: Loaded) => void frameLoaded(details.tabId, details.frameId);
const onRemoved = (tabId: number) => void tabClosed(tabId);
let watching = false;

/**
 * New documents of the walked tab, and its closing. Like lib/recording/watch.ts: these events
 * fire on every page load of the browser, so their listeners exist only while a walk runs
 * (a top-level listener would wake the worker for every page anyone opens).
 */
function watchWalkedTab(on: boolean): void {
  if (on === watching) return;
  watching = on;
  if (on) {
    browser.webNavigation.onDOMContentLoaded.addListener(onLoaded);
    browser.tabs.onRemoved.addListener(onRemoved);
  } else {
    browser.webNavigation.onDOMContentLoaded.removeListener(onLoaded);
    browser.tabs.onRemoved.removeListener(onRemoved);
  }
}

/**
 * Background start-up: listen again if a walk was running when the worker stopped, and cover
 * the walked tab's frames again (the event that woke the worker came before its listener; the
 * walk script is idempotent).
 */
export function registerWalk(): void {
  void readWalk().then((walk) => {
    watchWalkedTab(walk.state === 'walking');
    if (walk.state === 'walking' && walk.tabId !== undefined) void inject(walk.tabId);
  });
  onWalkChange((walk) => watchWalkedTab(walk.state === 'walking'));
}
