export default defineContentScript({
  matches: ['https://*.kendo.dev/*'],
  main() {},
});
