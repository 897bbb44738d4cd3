// The popup, opened as a tab, and what a user does in it: by role and accessible name only
// (/work/shared/UI.md).
import { expect, type Locator, type Page } from '@playwright/test';
import type { Extension } from '../extension';

/** `yyyy-MM-ddTHH:mm` for a datetime-local input, in the page's (browser's) time zone. */
export async function localInputValue(page: Page, ms: number): Promise<string> {
  return page.evaluate((t) => {
    const d = new Date(t);
    const p = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
  }, ms);
}

export class Popup {
  constructor(readonly page: Page) {}

  static async open(ext: Extension): Promise<Popup> {
    return new Popup(await ext.openPopup());
  }

  get timer(): Locator {
    return this.page.getByRole('region', { name: 'Timer' });
  }

  get startButton(): Locator {
    return this.timer.getByRole('button', { name: /^Start timer/ });
  }

  get stopButton(): Locator {
    return this.timer.getByRole('button', { name: /^Stop timer/ });
  }

  /** The running timer's elapsed time (`role="timer"`). */
  get elapsed(): Locator {
    return this.timer.getByRole('timer');
  }

  /** Seconds shown by the elapsed-time display (`h:mm:ss` or `m:ss`). */
  async elapsedSeconds(): Promise<number> {
    const text = (await this.elapsed.textContent()) ?? '';
    const parts = text.trim().split(':').map(Number);
    if (parts.length < 2 || parts.some((n) => !Number.isFinite(n))) {
      throw new Error(`elapsed time not understood: '${text}'`);
    }
    return parts.reduce((sum, n) => sum * 60 + n, 0);
  }

  /** Correct the running timer's start through the popup's own control. */
  async changeStart(ms: number): Promise<void> {
    await this.timer.getByRole('button', { name: 'Change start time' }).click();
    const form = this.timer.getByRole('form', { name: 'Change start time' });
    await form
      .getByRole('textbox', { name: 'Started at' })
      .fill(await localInputValue(this.page, ms));
    await form.getByRole('button', { name: 'Save start' }).click();
    await expect(form).toBeHidden();
  }

  get quickLog(): Locator {
    return this.page.getByRole('form', { name: 'Log time' });
  }

  /** The quick log's Issue field, a textbox as UI.md names it (a11y.spec.ts checks the role). */
  get issueField(): Locator {
    return this.quickLog.getByRole('textbox', { name: 'Issue', exact: true });
  }

  /** Fill and submit the quick-log form. */
  async logTime(issue: string, duration: string, note?: string): Promise<void> {
    const form = this.quickLog;
    await this.issueField.fill(issue);
    await form.getByRole('textbox', { name: 'Duration' }).fill(duration);
    if (note !== undefined) await form.getByRole('textbox', { name: 'Note' }).fill(note);
    await form.getByRole('button', { name: 'Log time' }).click();
  }

  get today(): Locator {
    return this.page.getByRole('region', { name: 'Today' });
  }

  /** Today's list items. */
  get todayItems(): Locator {
    return this.today.getByRole('listitem');
  }

  /** Today's entries that mention `text` (an issue key, a note). */
  todayEntry(text: string | RegExp): Locator {
    return this.todayItems.filter({ hasText: text });
  }

  get waiting(): Locator {
    return this.page.getByRole('region', { name: 'Waiting to sync' });
  }
}
