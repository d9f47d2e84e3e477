/**
 * The recording model: what a user did (an Action) and the guide step made of it.
 * A tagged union, so every `switch (x.kind)` must handle each kind or fail to compile.
 */

/** A rectangle in CSS pixels, relative to the top frame's viewport. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

/** Several ways to find an element again (replay, health checks need more than one). */
export interface TargetDescription {
  /** ARIA role as a browser computes it (button, link, textbox, …). */
  role: string;
  /** Accessible name (accname 1.2). May be empty. */
  name: string;
  tag: string;
  /** CSS selectors, most specific first. */
  selectors: string[];
  /** Visible text, trimmed and shortened. */
  text?: string;
  /** Index path of iframes from the top document down to the element's frame. */
  framePath?: number[];
  /** Where the element was on screen, when the action began. */
  box?: Box;
  /** Where an element without a name or text is, so a sentence can point at it. */
  place?: Place;
  /**
   * What a control that shows a value (a list button, a combobox) showed when it was used,
   * its name being its label alone: `Open "Cost center" (shows "Choose…")`.
   */
  shows?: string;
}

/** The n-th element of its role (1-based) among `count`, inside its nearest named region. */
export interface Place {
  index: number;
  count: number;
  /** The landmark, toolbar, menu, dialog, group… it is in (none: counted in the whole page). */
  container?: { role: string; name?: string };
}

export interface PageInfo {
  url: string;
  title: string;
}

export type Action =
  | { kind: 'click'; target: TargetDescription; point?: Point }
  | { kind: 'type'; target: TargetDescription; value: string; masked: boolean }
  | { kind: 'select'; target: TargetDescription; option: string }
  | { kind: 'check'; target: TargetDescription; checked: boolean }
  | { kind: 'choose'; target: TargetDescription; group?: string }
  | { kind: 'key'; target?: TargetDescription; key: string }
  | {
      kind: 'navigate';
      page: PageInfo;
      /** How the page was reached: the page recording began on, a load, an app route change, back/forward. */
      how?: 'start' | 'load' | 'route' | 'back-forward';
      /** When the navigation began (ms since epoch), to tell a click's effect from a navigation of its own. */
      startedAt?: number;
    };

export type ActionKind = Action['kind'];

/**
 * How the screenshot of a step was obtained, so we can measure pre-action accuracy:
 * `settled`/`live` are captures, `stream` the tab stream's frame from before the event
 * (Chromium, lib/screenshots/stream.ts), `fallback` an older capture reused, `rendered` a
 * drawing of the page by html2canvas when the tab could not be captured (lib/screenshots/render-page.ts).
 */
export type ShotSource = 'settled' | 'live' | 'stream' | 'fallback' | 'rendered' | 'none';

export interface Viewport {
  width: number;
  height: number;
  dpr: number;
}

interface StepCommon {
  id: string;
  guideId: string;
  /** Position in the guide; steps are sorted by it. */
  order: number;
  /** The sentence shown to the reader; starts from the template, the trainer may edit it. */
  text: string;
  note?: string;
  createdAt: number;
  updatedAt: number;
}

/** A point or box relative to the stored image: 0..1 on each axis, so it survives resizing. */
export interface NormPoint {
  x: number;
  y: number;
}

export interface NormBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Drawn over a screenshot in the editor, the HTML and the PDF alike. Stored as data on the
 * step, never baked into the stored image ('blur' boxes are applied to pixels at export).
 */
export type Annotation =
  | { id: string; kind: 'highlight'; box: NormBox; color?: string }
  | { id: string; kind: 'arrow'; from: NormPoint; to: NormPoint; color?: string }
  | { id: string; kind: 'label'; at: NormPoint; text: string; color?: string }
  | { id: string; kind: 'blur'; box: NormBox };

/** The click marker: where it is drawn (defaults to the recorded click point), or hidden. */
export interface Marker {
  at?: NormPoint;
  hidden?: boolean;
}

/**
 * What a walk of the guide on the live site found out about this step (lib/walk/): its
 * element is gone (`stale`), found by other clues under another name (`changed`), or was
 * re-captured by hand during a walk (`recaptured`, with the step as it was, for undo).
 */
export interface StepHealth {
  state: 'stale' | 'changed' | 'recaptured';
  /** When the walk saw it so (ms since epoch). */
  seenAt: number;
  /** `changed`: the accessible name the element has now. */
  nameNow?: string;
  /** `recaptured`: the fields the re-capture replaced. */
  previous?: Pick<ActionStep, 'action' | 'page' | 'imageId' | 'shot' | 'text' | 'viewport' | 'marker' | 'crop' | 'hideImage'>;
}

export interface ActionStep extends StepCommon {
  kind: 'action';
  /** Set by a walk on the live site; absent when the step was never found wanting. */
  health?: StepHealth;
  action: Action;
  page: PageInfo;
  viewport?: Viewport;
  imageId?: string;
  shot: ShotSource;
  /** When the action happened (ms since epoch): recorded steps are ordered by it. */
  at?: number;
  hideImage?: boolean;
  annotations?: Annotation[];
  /**
   * Part of the image to show, chosen by the trainer; the stored image itself is never cut.
   * When absent, a step with a target box shows its default focus (lib/steps/focus.ts).
   */
  crop?: NormBox;
  /** Show the whole screenshot rather than the default focus around the target. */
  wholeScreen?: boolean;
  marker?: Marker;
}

export interface HeadingStep extends StepCommon {
  kind: 'heading';
}

export interface TextStep extends StepCommon {
  kind: 'text';
}

export interface CalloutStep extends StepCommon {
  kind: 'callout';
  tone: 'tip' | 'warning';
}

export type Step = ActionStep | HeadingStep | TextStep | CalloutStep;

export interface Guide {
  id: string;
  title: string;
  intro: string;
  createdAt: number;
  updatedAt: number;
  /** 'recording' while a session adds steps; a crash leaves it readable all the same. */
  status: 'recording' | 'done';
}

/** A screenshot, stored as a compressed Blob — never as a base64 string. */
export interface StoredImage {
  id: string;
  guideId: string;
  blob: Blob;
  width: number;
  height: number;
}
