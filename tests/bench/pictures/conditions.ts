/**
 * The picture conditions acted on one recording each (the first actions after a start are in
 * first-action.ts). The first eight were the bench's before issue 24; the rest are the
 * issue's additions. Each is run with 0 ms and 100 ms presses.
 */
import { readyForEvaluate } from '../session';
import { stopBackground } from '../../support/background';
import { on, pointInFrame, type Condition } from './condition';
import { SWITCH_BACK } from './switch-tab';

const SHOW = on('Show panel', ['click']);

export const CONDITIONS: Condition[] = [
  {
    id: 'prePictureWorkerStopped', name: 'first click after the background stopped', path: 'pictures.html', effect: 'panel', matches: SHOW,
    async act(run) {
      const api = await stopBackground(run.session.browser, run.session.api, run.page);
      if (api !== run.session.api) {
        // Firefox: a quiet extension page took the API page's place (see stopBackground).
        run.session.api = api;
        await readyForEvaluate(api.page);
      }
      await run.person.pause();
      return run.person.press(run.page.locator('#show'), run);
    },
  },
  {
    id: 'prePictureCheckbox', name: 'checkbox', path: 'pictures.html', effect: 'check', matches: on('Send a copy', ['check']),
    act: (run) => run.person.press(run.page.locator('#copy'), run),
  },
  {
    id: 'prePictureRadio', name: 'radio', path: 'pictures.html', effect: 'radio', matches: on('Express', ['choose']),
    act: (run) => run.person.press(run.page.locator('#express'), run),
  },
  {
    id: 'prePictureSelect', name: 'select (keyboard, then Tab on)', path: 'pictures.html', effect: 'select', matches: on('Region', ['select']),
    async act(run) {
      // Focus is where the person's Tab left it; a new option each time (an edit back to the
      // value it had is no edit). The step is made when the field is left.
      await run.page.locator('#region').focus();
      await run.person.pause();
      const at = await run.person.key('ArrowDown', run);
      await run.person.seen(() => (window as unknown as { __on(): string[] }).__on().includes('select'));
      await run.person.pause();
      await run.person.key('Tab', run);
      return at;
    },
    // Already shown before the Tab.
    shown: async () => undefined,
  },
  {
    id: 'prePictureKeyboard', name: 'Enter/Space on a button', path: 'pictures.html', effect: 'key', matches: on('Open details'),
    async act(run, i) {
      await run.page.locator('#details').focus();
      await run.person.pause();
      return run.person.key(i % 2 ? 'Space' : 'Enter', run);
    },
  },
  {
    id: 'prePictureInCrossFrame', name: 'click inside a cross-origin iframe', path: 'pictures.html?frame', effect: 'frame', inFrame: true,
    matches: on('Confirm in frame', ['click']),
    ready: (page) => page.frameLocator('iframe').locator('#confirm').waitFor(),
    // The mouse where the button shows: WebDriver BiDi cannot act inside such a frame.
    act: async (run) => run.person.press(await pointInFrame(run.page, '#confirm'), run),
  },
  {
    id: 'prePictureCrossFramePage', name: 'click on a page with a cross-origin iframe', path: 'pictures.html?frame', effect: 'panel', matches: SHOW,
    ready: (page) => page.frameLocator('iframe').locator('#confirm').waitFor(),
    act: (run) => run.person.press(run.page.locator('#show'), run),
  },
  {
    id: 'prePictureBusyPage', name: 'a page that never settles (20×/s clock)', path: 'pictures.html?clock', effect: 'panel', matches: SHOW,
    act: (run) => run.person.press(run.page.locator('#show'), run),
  },
  // Issue 24's additions.
  {
    id: 'prePictureLink', name: 'a link that loads a new page', path: 'pictures.html?link', effect: 'next', matches: on('Next page'),
    act: (run) => run.person.press(run.page.locator('#next'), run),
    shown: (run) => run.person.seen(() => location.pathname.endsWith('/pictures-next.html') && document.readyState === 'complete'),
    reset: (run) => run.page.goto(run.session.server.url('bench/pictures.html?link')),
  },
  {
    id: 'prePictureLinkEnter', name: 'Enter on a link that loads a new page', path: 'pictures.html?link', effect: 'next', matches: on('Next page'),
    async act(run) {
      await run.page.locator('#next').focus();
      await run.person.pause();
      return run.person.key('Enter', run);
    },
    shown: (run) => run.person.seen(() => location.pathname.endsWith('/pictures-next.html') && document.readyState === 'complete'),
    reset: (run) => run.page.goto(run.session.server.url('bench/pictures.html?link')),
  },
  {
    id: 'prePictureRoute', name: 'an app route change (pushState)', path: 'pictures.html?spa', effect: 'route', matches: on('Orders'),
    act: (run) => run.person.press(run.page.locator('#orders'), run),
  },
  {
    id: 'prePictureMenu', name: 'a menu opened on hover, an item clicked in it', path: 'pictures.html?menu', effect: 'menu-item', mustShow: ['menu-open'],
    matches: on('Archive'),
    async act(run) {
      await run.person.hover(run.page.locator('#menu-button'));
      await run.person.seen(() => (window as unknown as { __menuOpen(): boolean }).__menuOpen());
      await run.person.pause();
      return run.person.press(run.page.locator('#archive'), run);
    },
    async reset(run) {
      // The pointer leaves the menu (it closes), as it would on the way to the next thing.
      await run.person.hover({ x: 640, y: 760 });
      return run.page.evaluate(() => (window as unknown as { __reset(): string[] }).__reset());
    },
  },
  {
    id: 'prePictureSlide', name: 'an effect animated in over 300 ms', path: 'pictures.html?slide', effect: 'slide', matches: on('Slide in'),
    act: (run) => run.person.press(run.page.locator('#slide'), run),
  },
  {
    id: 'prePictureSpinner', name: 'a page that animates all the time (CSS spinner)', path: 'pictures.html?spinner', effect: 'panel', matches: SHOW,
    act: (run) => run.person.press(run.page.locator('#show'), run),
  },
  {
    id: 'prePictureScroll', name: 'a click right after a scroll', path: 'pictures.html?scroll', effect: 'below', mustShow: ['below-card'],
    matches: on('Show below'), control: '#done-below',
    async act(run) {
      await run.person.scroll(2000);
      // The scroll's effect: the page has come to rest at the bottom.
      await run.person.seen(() => (window as unknown as { __atBottom(): boolean }).__atBottom());
      await run.person.pause();
      return run.person.press(run.page.locator('#below'), run);
    },
  },
  SWITCH_BACK,
];
