// The timer button on a Kendo issue page, found as a user finds it: by role and name. It lives in
// an open shadow root, which Playwright's locators pierce.
import type { Locator, Page } from '@playwright/test';
import type { Extension } from '../extension';

export class IssuePage {
  constructor(readonly page: Page) {}

  /** Opens `key` of `projectId` on tenant acme in a new tab. */
  static async open(ext: Extension, key: string, projectId = 1): Promise<IssuePage> {
    return new IssuePage(await ext.openIssue(key, projectId));
  }

  /** The one timer button, whatever it says. */
  get timerButton(): Locator {
    return this.page.getByRole('button', { name: /^(Start|Stop) timer/ });
  }

  get startButton(): Locator {
    return this.page.getByRole('button', { name: /^Start timer/ });
  }

  get stopButton(): Locator {
    return this.page.getByRole('button', { name: /^Stop timer/ });
  }

  /** The page's own heading: the issue's title as Kendo shows it. */
  heading(title: string): Locator {
    return this.page.getByRole('heading', { name: title, exact: true });
  }

  /** In-app (pushState) navigation: a click on a link in the page's "Other issues" list. */
  async goToOtherIssue(key: string): Promise<void> {
    await this.page
      .getByRole('region', { name: 'Other issues' })
      .getByRole('link', { name: new RegExp(`^${key}\\b`) })
      .click();
  }
}
