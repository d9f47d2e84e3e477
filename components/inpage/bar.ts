/**
 * The in-page recording bar: a small pill in a CLOSED shadow root (the page cannot reach
 * into it, and its styles cannot leak either way), fixed on top of the page so it never
 * shifts the page's layout. The recorder ignores it (`data-waymark-ignore`), and the
 * background hides it while it captures the tab, so it never appears in a screenshot.
 * Plain DOM on purpose: it is injected with the recorder into recorded tabs, which must stay small.
 */
import type { RecordingStatus } from '@/lib/messages';
import { send } from '@/lib/messaging';
import { painted } from '@/lib/capture/painted';

/** How long the bar offers to open the guide after a stop. */
const SAVED_MS = 6_000;

const CSS = `
:host { all: initial; position: fixed !important; z-index: 2147483647; left: 16px; bottom: 16px; }
.bar { display: flex; gap: 6px; align-items: center; padding: 6px 8px; border-radius: 999px;
  background: #1f2937; color: #fff; font: 13px/1.2 system-ui, sans-serif; box-shadow: 0 2px 8px #0005; }
.dot { width: 10px; height: 10px; border-radius: 50%; background: #ef4444; }
.paused .dot { background: #f59e0b; }
button { font: inherit; color: #fff; background: #374151; border: 0; border-radius: 999px; padding: 4px 10px; cursor: pointer; }
button:hover, button:focus-visible { background: #4b5563; outline: 2px solid #93c5fd; }
.notice { max-width: 260px; }
`;

function button(label: string, onClick: () => void): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.textContent = label;
  // Only the user's own click: a page script could reach a button through a stray reference.
  element.addEventListener('click', (event) => event.isTrusted && onClick());
  return element;
}

export class InPageBar {
  private host?: HTMLElement;
  private status?: HTMLElement;
  private pause?: HTMLButtonElement;
  private root?: HTMLElement;
  private state: RecordingStatus['state'] = 'idle';
  private savedTimer?: ReturnType<typeof setTimeout>;

  show(status: RecordingStatus): void {
    if (status.state === 'idle') return this.saved(status);
    // A new recording while the bar still says "Guide saved": back to the recording controls.
    if (this.savedTimer !== undefined) this.remove();
    this.state = status.state;
    this.build();
    const words = status.state === 'paused' ? 'Paused' : 'Recording';
    const steps = `${status.stepCount} ${status.stepCount === 1 ? 'step' : 'steps'}`;
    const text = status.notice ? `${words} · ${status.notice}` : `${words} · ${steps}`;
    this.status!.textContent = status.error ? `${text} · ${status.error}` : text;
    this.pause!.textContent = status.state === 'paused' ? 'Resume' : 'Pause';
    this.root!.className = `bar ${status.state}`;
  }

  /** Hidden for a screenshot; the reply waits until the page has painted without it. */
  async conceal(hidden: boolean): Promise<void> {
    if (!this.host) return;
    if (hidden) this.host.style.setProperty('display', 'none', 'important');
    else this.host.style.removeProperty('display');
    if (hidden) await painted();
  }

  remove(): void {
    clearTimeout(this.savedTimer);
    this.savedTimer = undefined;
    this.host?.remove();
    this.host = undefined;
  }

  /**
   * The recording stopped (from the bar's Finish or elsewhere): for a few seconds the bar
   * says the guide is saved and offers to open it, then goes. Nothing to open (a discard,
   * no step), or no bar shown: it just goes.
   */
  private saved(status: RecordingStatus): void {
    if (this.savedTimer !== undefined) return; // says so already
    if (!this.host?.isConnected || !status.guideId || status.stepCount === 0) return this.remove();
    this.state = 'idle';
    const text = document.createElement('span');
    text.setAttribute('role', 'status');
    text.className = 'notice';
    text.textContent = `Guide saved: ${status.stepCount} ${status.stepCount === 1 ? 'step' : 'steps'}`;
    const open = button('Open the guide', () => {
      void send({ type: 'recording.open-guide' });
      this.remove();
    });
    this.root!.className = 'bar saved';
    this.root!.replaceChildren(text, open);
    this.savedTimer = setTimeout(() => this.remove(), SAVED_MS);
  }

  private build(): void {
    if (this.host?.isConnected) return;
    const host = document.createElement('waymark-bar');
    host.setAttribute('data-waymark-ignore', '');
    host.setAttribute('data-waymark-bar', '');
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = CSS;
    const root = document.createElement('div');
    root.setAttribute('role', 'toolbar');
    root.setAttribute('aria-label', 'Waymark recording');
    const dot = document.createElement('span');
    dot.className = 'dot';
    const status = document.createElement('span');
    status.setAttribute('role', 'status');
    status.className = 'notice';
    this.pause = button('Pause', () => void send({ type: this.state === 'paused' ? 'recording.resume' : 'recording.pause' }));
    root.append(
      dot,
      status,
      this.pause,
      button('Delete last step', () => void send({ type: 'recording.undo' })),
      button('Finish', () => void send({ type: 'recording.stop' })),
    );
    shadow.append(style, root);
    document.documentElement.append(host);
    this.host = host;
    this.status = status;
    this.root = root;
  }
}
