/**
 * A guide whose steps set every optional field of every kind of step, action and annotation.
 * `Complete<T>` makes each optional field required here, so a field added to lib/steps/types.ts
 * fails to compile until it is set below, and the bundle round trip (bundle.test.ts) then
 * fails if the bundle loses it.
 */
import type { Action, ActionStep, Annotation, Step, TargetDescription } from '@/lib/steps/types';

/** Every optional field required, all the way down (unions and arrays included). */
export type Complete<T> = T extends readonly (infer E)[]
  ? Complete<E>[]
  : T extends object
    ? { [K in keyof T]-?: Complete<Exclude<T[K], undefined>> }
    : T;

type OneOfEach<U extends { kind: string }> = { [K in U['kind']]: Complete<Extract<U, { kind: K }>> };

export const GUIDE_ID = 'full-guide';
export const IMAGE_ID = 'full-image';

const box = { x: 10, y: 20, width: 30, height: 40 };
const target: Complete<TargetDescription> = {
  role: 'button',
  name: 'Save',
  tag: 'button',
  selectors: ['#save', 'form > button'],
  text: 'Save',
  framePath: [0, 2],
  box,
  place: { index: 2, count: 3, container: { role: 'toolbar', name: 'Edit' } },
  shows: 'Choose…',
};
const page = { url: 'https://example.test/form', title: 'Form' };

const ACTIONS: OneOfEach<Action> = {
  click: { kind: 'click', target, point: { x: 12, y: 24 } },
  type: { kind: 'type', target, value: 'Jane', masked: true },
  select: { kind: 'select', target, option: 'Paris' },
  check: { kind: 'check', target, checked: true },
  choose: { kind: 'choose', target, group: 'Size' },
  key: { kind: 'key', target, key: 'Enter' },
  navigate: { kind: 'navigate', page, how: 'back-forward', startedAt: 1_700_000_000_500 },
};

const ANNOTATIONS: Complete<Annotation>[] = Object.values({
  highlight: { id: 'a1', kind: 'highlight', box: { x: 0.1, y: 0.1, width: 0.2, height: 0.2 }, color: '#f00' },
  arrow: { id: 'a2', kind: 'arrow', from: { x: 0.1, y: 0.2 }, to: { x: 0.3, y: 0.4 }, color: '#00ff00' },
  label: { id: 'a3', kind: 'label', at: { x: 0.5, y: 0.5 }, text: 'Here', color: '#123456' },
  blur: { id: 'a4', kind: 'blur', box: { x: 0.6, y: 0.6, width: 0.1, height: 0.1 } },
} satisfies OneOfEach<Annotation>);

const common = (id: string, order: number) => ({
  id,
  guideId: GUIDE_ID,
  order,
  text: `Step ${order}`,
  note: `Note ${order}`,
  createdAt: 1_700_000_000_000 + order,
  updatedAt: 1_700_000_001_000 + order,
});

function actionStep(action: Complete<Action>, order: number): Complete<ActionStep> {
  return {
    ...common(`action-${action.kind}`, order),
    kind: 'action',
    health: {
      state: 'recaptured',
      seenAt: 1_700_000_002_000,
      nameNow: 'Save now',
      previous: {
        action,
        page,
        imageId: 'older-image',
        shot: 'live',
        text: 'Before',
        viewport: { width: 800, height: 600, dpr: 2 },
        marker: { at: { x: 0.2, y: 0.3 }, hidden: false },
        crop: { x: 0, y: 0, width: 0.5, height: 0.5 },
        hideImage: false,
      },
    },
    action,
    page,
    viewport: { width: 1280, height: 720, dpr: 1 },
    imageId: IMAGE_ID,
    shot: 'settled',
    at: 1_700_000_000_900 + order,
    hideImage: true,
    annotations: ANNOTATIONS,
    crop: { x: 0.1, y: 0.1, width: 0.8, height: 0.8 },
    wholeScreen: true,
    marker: { at: { x: 0.4, y: 0.4 }, hidden: true },
  };
}

/** One step of each kind, and an action step for each kind of action. */
export function fullSteps(): Step[] {
  const others: Omit<OneOfEach<Step>, 'action'> = {
    heading: { ...common('heading', 0), kind: 'heading' },
    text: { ...common('text', 1), kind: 'text' },
    callout: { ...common('callout', 2), kind: 'callout', tone: 'warning' },
  };
  const actions = Object.values(ACTIONS).map((action, i) => actionStep(action, 3 + i));
  return [...Object.values(others), ...actions];
}
