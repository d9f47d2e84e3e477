/**
 * Reads what Waymark stored, the way an attacker with the profile would: every IndexedDB
 * record as JSON, every screenshot as bytes, chrome.storage as JSON; and OCR of images with
 * Debian's tesseract. Used by the privacy e2e tests to prove that secrets were never stored.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';

const run = promisify(execFile);

export interface StoredData {
  /** All records of all object stores, Blobs left out, as one JSON string. */
  records: string;
  /** chrome.storage.local and .session, as one JSON string. */
  storage: string;
  /** The screenshots (the `images` store). */
  images: Buffer[];
  /** The export pictures made from them ahead of an export (lib/export/renditions.ts). */
  renditions: Buffer[];
}

/** `page` must be an extension page (it opens the extension's own IndexedDB). */
export async function readStoredData(page: Page): Promise<StoredData> {
  const dump = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('waymark');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const records: Record<string, unknown[]> = {};
    const blobs: Record<string, string[]> = {};
    for (const name of Array.from(db.objectStoreNames)) {
      const all = await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(name).objectStore(name).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      records[name] = all;
      for (const record of all) {
        for (const value of Object.values(record as object)) {
          if (value instanceof Blob) {
            const bytes = new Uint8Array(await value.arrayBuffer());
            let binary = '';
            for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
            (blobs[name] ??= []).push(btoa(binary));
          }
        }
      }
    }
    db.close();
    const storage = { local: await chrome.storage.local.get(null), session: await chrome.storage.session.get(null) };
    return { records: JSON.stringify(records), storage: JSON.stringify(storage), blobs };
  });
  const buffers = (store: string) => (dump.blobs[store] ?? []).map((b64) => Buffer.from(b64, 'base64'));
  return { records: dump.records, storage: dump.storage, images: buffers('images'), renditions: buffers('renditions') };
}

/** Text that tesseract reads in each image (upscaled 2× inside tesseract for small fonts). */
export async function ocr(images: Buffer[]): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'waymark-ocr-'));
  try {
    const texts: string[] = [];
    for (const [index, image] of images.entries()) {
      const file = join(dir, `shot-${index}.img`);
      await writeFile(file, image);
      const { stdout } = await run('tesseract', [file, '-', '--psm', '11'], { maxBuffer: 16 * 1024 * 1024 });
      texts.push(stdout);
    }
    return texts;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Digits only, so "4111 1111" and "41111111" compare alike in OCR output. */
export function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

/**
 * Digit runs of stored JSON: plain runs only, ids left out. Joining across "." or "-" as OCR
 * text needs would read a stored coordinate such as `"x":731.5` as the PIN "7315", and a
 * random UUID such as `…-4739-…` could hold a short secret by chance.
 */
function storedDigitRuns(json: string): string[] {
  const withoutIds = json.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '');
  return withoutIds.match(/\d+/g) ?? [];
}

/**
 * Where each of `secrets` is held in what was stored, as "IndexedDB holds 7315": a digit run equal
 * to it, or for a long one (8 digits or more) a run that contains it. Empty when nothing leaked.
 */
export function secretsStoredIn(stored: StoredData, secrets: readonly string[]): string[] {
  const found: string[] = [];
  for (const [where, text] of [
    ['IndexedDB', stored.records],
    ['chrome.storage', stored.storage],
  ] as const) {
    const runs = storedDigitRuns(text);
    for (const secret of secrets) {
      if (runs.some((run) => run === secret || (secret.length >= 8 && run.includes(secret)))) found.push(`${where} holds ${secret}`);
    }
  }
  return found;
}

/** Runs of digits per line of OCR text, spaces and punctuation between digits ignored ("4 9 2" → "492"). */
export function ocrDigitRuns(text: string): string[] {
  return text.split('\n').flatMap((line) => line.match(/\d(?:[\d .\-|)(/]*\d)?/g) ?? []).map(digitsOf);
}

/**
 * Which of `secrets` OCR text shows. OCR of a compressed picture can drop a digit of a boxed
 * code ("4 9 2 6 1 3" read as "92613"), so any four digits of a secret in a row count.
 */
export function secretsReadIn(text: string, secrets: readonly string[]): string[] {
  const runs = ocrDigitRuns(text);
  const windows = (secret: string) => Array.from({ length: secret.length - 3 }, (_, i) => secret.slice(i, i + 4));
  return secrets.filter((secret) => runs.some((run) => windows(secret).some((w) => run.includes(w))));
}

/** Which of `secrets` OCR text shows in full: a positive control must read each one whole. */
export function wholeSecretsReadIn(text: string, secrets: readonly string[]): string[] {
  const runs = ocrDigitRuns(text);
  return secrets.filter((secret) => runs.some((run) => run.includes(secret)));
}
