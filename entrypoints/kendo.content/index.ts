import { startIssueButton } from '@/lib/content/issue-button';

// Wiring only: the button's logic lives in lib/content/. The match is KENDO_MATCH of
// wxt.config.ts, spelled out because importing the config would bundle it into every page.
export default defineContentScript({
  matches: ['https://*.kendo.dev/*'],
  main(ctx) {
    startIssueButton(ctx);
  },
});
