/** An editable list of site patterns (never-record sites, allowed sites). */
import { useId, useState, type FormEvent } from 'react';
import { normalizeSite } from '@/lib/privacy/sites';

interface Props {
  /** Names the list and its controls: "Never-record sites". */
  title: string;
  hint: string;
  sites: string[];
  onChange(sites: string[]): void;
}

export function SiteList({ title, hint, sites, onChange }: Props) {
  const [draft, setDraft] = useState('');
  const inputId = useId();
  function add(event: FormEvent) {
    event.preventDefault();
    const site = normalizeSite(draft);
    if (site && !sites.includes(site)) onChange([...sites, site]);
    setDraft('');
  }
  return (
    <section aria-label={title} className="options-section">
      <h2>{title}</h2>
      <p className="muted">{hint}</p>
      <ul aria-label={title} className="options-list">
        {sites.map((site) => (
          <li key={site}>
            <span>{site}</span>
            <button type="button" aria-label={`Remove ${site} from ${title}`} onClick={() => onChange(sites.filter((s) => s !== site))}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      <form className="row" onSubmit={add}>
        <label htmlFor={inputId}>Site</label>
        <input id={inputId} value={draft} placeholder="example.com" onChange={(e) => setDraft(e.target.value)} />
        <button type="submit" aria-label={`Add to ${title}`}>
          Add
        </button>
      </form>
    </section>
  );
}
