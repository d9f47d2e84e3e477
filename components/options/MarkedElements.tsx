/** Elements the user never wants recorded, per site (added here or from the page's context menu). */
import { useState, type FormEvent } from 'react';
import type { MarkedElement } from '@/lib/privacy/settings';
import { normalizeSite } from '@/lib/privacy/sites';

interface Props {
  elements: MarkedElement[];
  onChange(elements: MarkedElement[]): void;
}

const TITLE = 'Never-record elements';

export function MarkedElements({ elements, onChange }: Props) {
  const [site, setSite] = useState('');
  const [selector, setSelector] = useState('');
  function add(event: FormEvent) {
    event.preventDefault();
    const entry = { site: normalizeSite(site), selector: selector.trim() };
    if (entry.site && entry.selector) onChange([...elements, entry]);
    setSite('');
    setSelector('');
  }
  return (
    <section aria-label={TITLE} className="options-section">
      <h2>{TITLE}</h2>
      <p className="muted">
        Clicks and typing in these elements are not recorded, and they are blurred in screenshots. Right-click an
        element on a page and choose "Never record this element" to add it.
      </p>
      <ul aria-label={TITLE} className="options-list">
        {elements.map((m, index) => (
          <li key={`${m.site} ${m.selector}`}>
            <span>
              {m.site} — <code>{m.selector}</code>
            </span>
            <button
              type="button"
              aria-label={`Remove ${m.selector} on ${m.site}`}
              onClick={() => onChange(elements.filter((_, i) => i !== index))}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <form className="row" onSubmit={add}>
        <label>
          Element site <input value={site} placeholder="example.com" onChange={(e) => setSite(e.target.value)} />
        </label>
        <label>
          CSS selector <input value={selector} placeholder="#salary" onChange={(e) => setSelector(e.target.value)} />
        </label>
        <button type="submit">Add element</button>
      </form>
    </section>
  );
}
