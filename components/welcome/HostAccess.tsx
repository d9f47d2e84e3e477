/**
 * Firefox lets people withhold or withdraw an add-on's access to websites; without it nothing
 * can be recorded. Checked when the page opens, and asked for with one button (the request must
 * run straight from the click: Firefox only shows its prompt for a user action).
 */
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { missingHostAccess } from '@/lib/recording/host-access';

const ALL_SITES = { origins: ['<all_urls>'] };

export function HostAccess() {
  const [missing, setMissing] = useState<boolean>();
  const [refused, setRefused] = useState(false);

  useEffect(() => {
    void missingHostAccess().then((why) => setMissing(Boolean(why)));
  }, []);

  async function ask() {
    const granted = await browser.permissions.request(ALL_SITES).catch(() => false);
    setRefused(!granted);
    setMissing(!(await browser.permissions.contains(ALL_SITES)));
  }

  if (missing === undefined) return null;
  if (!missing) return null;
  return (
    <section className="welcome-section welcome-access" aria-labelledby="access-title">
      <h2 id="access-title">First, let Waymark see websites</h2>
      <p>
        Firefox has not given Waymark access to websites yet, so it cannot record anything. Waymark uses this access
        only to take the screenshots and notes of your own recordings; nothing leaves your computer.
      </p>
      <button className="primary" onClick={() => void ask()}>Allow access to websites</button>
      {refused && <p role="alert">Access was not granted. You can also allow it in about:addons → Waymark → Permissions.</p>}
    </section>
  );
}
