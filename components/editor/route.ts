/** The editor's two pages, addressed by the URL hash: `#/` and `#/guides/<id>`. */
import { useEffect, useState } from 'react';

export type Route = { page: 'library' } | { page: 'guide'; guideId: string };

export function parseRoute(hash: string): Route {
  const match = /^#\/guides\/([^/?#]+)/.exec(hash);
  return match?.[1] ? { page: 'guide', guideId: decodeURIComponent(match[1]) } : { page: 'library' };
}

export function guideHref(guideId: string): string {
  return `#/guides/${encodeURIComponent(guideId)}`;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
