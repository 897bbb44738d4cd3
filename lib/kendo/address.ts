import { t } from '../i18n';

/** A DNS label: what a tenant may be called. */
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const ORIGIN = /^https:\/\/([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)\.kendo\.dev$/;

/**
 * Accepts 'acme', 'acme.kendo.dev', 'https://acme.kendo.dev' (trailing slash/path ok,
 * case-insensitive, surrounding spaces trimmed). Refuses anything else (other domains, http:,
 * ports, empty, invalid tenant labels) with a message in the user's language saying what is expected.
 */
export function parseKendoAddress(
  input: string,
): { ok: true; origin: string; tenant: string } | { ok: false; message: string } {
  const text = input.trim().toLowerCase();
  if (!text) return refuse(t('errAddressEmpty'));

  // Parsed by hand rather than with URL, which would quietly drop ':443', accept a user
  // name or turn backslashes into slashes: anything unusual is refused, not normalised.
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//.exec(text);
  if (scheme && scheme[1] !== 'https') {
    return refuse(t('errAddressScheme'));
  }
  const rest = scheme ? text.slice(scheme[0].length) : text;
  const host = /^[^/?#]*/.exec(rest)?.[0] ?? '';
  if (/[:@\\]/.test(host)) {
    return refuse(t('errAddressPort'));
  }
  if (!host) return refuse(t('errAddressEmpty'));

  const isBare = !host.includes('.');
  if (!isBare && !host.endsWith('.kendo.dev')) {
    return refuse(t('errAddressNotKendo'));
  }
  const tenant = isBare ? host : host.slice(0, -'.kendo.dev'.length);
  if (!LABEL.test(tenant)) {
    return refuse(t('errAddressTenant', tenant));
  }
  return { ok: true, origin: `https://${tenant}.kendo.dev`, tenant };
}

/** true for 'https://{tenant}.kendo.dev' exactly (no port, no path). */
export function isKendoOrigin(origin: string): boolean {
  return ORIGIN.test(origin);
}

function refuse(message: string): { ok: false; message: string } {
  return { ok: false, message };
}
