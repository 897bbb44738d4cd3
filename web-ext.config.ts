import { defineWebExtConfig } from 'wxt';

// Dev mode must not try to open a browser: tests load the production build themselves.
export default defineWebExtConfig({ disabled: true });
