/**
 * The options page: what Waymark blurs and where it may record. Every change is saved at once
 * to storage.local, where recording pages pick it up without a reload.
 */
import { useEffect, useState } from 'react';
import {
  SENSITIVE_CATEGORIES,
  savePrivacySettings,
  watchPrivacySettings,
  type PrivacySettings,
  type SensitiveCategory,
} from '@/lib/privacy/settings';
import { MarkedElements } from './MarkedElements';
import { SiteList } from './SiteList';
import './options.css';

const CATEGORY_LABELS: Record<SensitiveCategory, string> = {
  email: 'Email addresses',
  card: 'Card numbers',
  phone: 'Phone numbers',
  iban: 'Bank account numbers (IBAN)',
  ip: 'IP addresses',
};

export function OptionsApp() {
  const [settings, setSettings] = useState<PrivacySettings>();
  useEffect(() => watchPrivacySettings(setSettings), []);
  if (!settings) return null;
  // Shown at once (a controlled checkbox must not wait for storage), then saved.
  const update = (change: Partial<PrivacySettings>) => {
    setSettings({ ...settings, ...change });
    void savePrivacySettings((s) => ({ ...s, ...change }));
  };
  return (
    <main className="options">
      <h1>Waymark privacy</h1>
      <p className="muted">
        Everything Waymark records stays on this computer. Passwords, card numbers and other secret fields are
        always masked and blurred.
      </p>
      <fieldset className="options-section">
        <legend>Blur this visible text in screenshots</legend>
        {SENSITIVE_CATEGORIES.map((category) => (
          <label key={category} className="options-check">
            <input
              type="checkbox"
              checked={settings.categories[category]}
              onChange={(e) => update({ categories: { ...settings.categories, [category]: e.target.checked } })}
            />
            {CATEGORY_LABELS[category]}
          </label>
        ))}
      </fieldset>
      <SiteList
        title="Never-record sites"
        hint="Waymark will not start recording on these sites, and records nothing on them."
        sites={settings.denySites}
        onChange={(denySites) => update({ denySites })}
      />
      <SiteList
        title="Record only on these sites"
        hint="Leave empty to allow every site. When not empty, Waymark records only here."
        sites={settings.allowSites}
        onChange={(allowSites) => update({ allowSites })}
      />
      <MarkedElements elements={settings.markedElements} onChange={(markedElements) => update({ markedElements })} />
    </main>
  );
}
