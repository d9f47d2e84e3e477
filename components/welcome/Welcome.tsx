/**
 * The welcome page, opened once on install and from the popup later: how to record, how to keep
 * the button at hand, where to practise, and what Waymark never does.
 *
 * Why no practice page inside the extension: browsers keep every extension out of extension
 * pages (chrome-extension://, moz-extension://), Waymark's own included — no content script,
 * no scripting.executeScript. A page shipped with Waymark could be shown but never recorded,
 * and `data:`/`blob:` pages are just as closed. So the practice page is an ordinary web page:
 * `npm start` serves one (tests/fixtures/practice/) and opens it beside this tab; an installed
 * Waymark points to any ordinary site instead.
 */
import { HostAccess } from './HostAccess';
import './welcome.css';

const isFirefox = import.meta.env.FIREFOX;

export function Welcome() {
  return (
    <main className="welcome">
      <h1>Welcome to Waymark</h1>
      <p className="lead">Do a task once in your browser; Waymark turns it into a step-by-step guide with screenshots.</p>
      <HostAccess />
      <section className="welcome-section" aria-labelledby="record-title">
        <h2 id="record-title">Record your first guide</h2>
        <ol>
          <li>
            <strong>Pin the Waymark button</strong> so it stays in the toolbar:{' '}
            {isFirefox
              ? 'click the Extensions button (the puzzle piece), then the gear next to Waymark, then “Pin to Toolbar”.'
              : 'click the Extensions button (the puzzle piece), then the pin next to Waymark.'}
          </li>
          <li>Open the page where your task starts.</li>
          <li>
            Click the Waymark button and press <strong>Start recording</strong> — or press{' '}
            <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>R</kbd>, which starts and stops recording without opening anything.
          </li>
          <li>
            Do the task as usual. Each click or entry becomes a step with a screenshot. The bar at the top of the page
            shows the steps so far and lets you pause, delete the last step or finish.
          </li>
          <li>
            Finish the recording (the bar, the button or <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>R</kbd>). Then choose{' '}
            <strong>Open the guide</strong> to edit, annotate and export it.
          </li>
        </ol>
      </section>
      <section className="welcome-section" aria-labelledby="practice-title">
        <h2 id="practice-title">Practise on an ordinary page</h2>
        <p>
          Browsers keep extensions out of their own pages — settings, extension stores, and Waymark’s pages like this
          one — so a first recording needs an ordinary web page. If you started Waymark with <code>npm start</code>, a
          practice page is already open in the next tab. Otherwise pick any site with a search box or a form, and
          record looking something up.
        </p>
      </section>
      <section className="welcome-section" aria-labelledby="privacy-title">
        <h2 id="privacy-title">What Waymark never does</h2>
        <ul>
          <li>It never sends anything over the network: no servers, no analytics. Your guides stay in this browser.</li>
          <li>It needs no account.</li>
          <li>
            It never keeps what you type in password and other secret fields: they are masked in the steps and blurred
            in the screenshots.
          </li>
        </ul>
        <p>
          Choose what else to blur and which sites never to record in the{' '}
          <a href="/options.html" target="_blank" rel="noopener">privacy options</a>.
        </p>
      </section>
    </main>
  );
}
