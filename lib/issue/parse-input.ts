import { detectIssue, ISSUE_KEY_RE } from './detect';
import { t } from '../i18n';

/**
 * An issue the user named. `key` is upper case with the digits as typed ('KD-42'); `paddedKey`
 * is the form Kendo shows, the number zero-padded to at least 4 digits ('KD-0042'); `code` is the
 * project code ('KD'), to find the project when only a key was typed. `projectId` and `origin`
 * are known only when a link was pasted.
 */
export type ParsedIssueInput =
  | {
      ok: true;
      key: string;
      code: string;
      paddedKey: string;
      projectId?: number;
      origin?: string;
    }
  | { ok: false; message: string };

const SCHEME_RE = /^[a-z][a-z0-9+.-]*:/i;

/** Reads the quick-log 'Issue' field: an issue key ('KD-0042', 'kd-42') or an issue page link. */
export function parseIssueInput(input: string): ParsedIssueInput {
  const text = input.trim();
  if (ISSUE_KEY_RE.test(text)) return fromKey(text);
  const url = toUrl(text);
  const issue = url && detectIssue(url);
  if (!issue) return { ok: false, message: t('errIssueInput') };
  return { ...fromKey(issue.key), projectId: issue.projectId, origin: issue.origin };
}

function fromKey(raw: string): { ok: true; key: string; code: string; paddedKey: string } {
  const key = raw.toUpperCase();
  const dash = key.indexOf('-');
  const code = key.slice(0, dash);
  // Strip zeros first so an over-padded 'KD-00042' still names KD-0042.
  const number = key.slice(dash + 1).replace(/^0+(?=\d)/, '');
  return { ok: true, key, code, paddedKey: `${code}-${number.padStart(4, '0')}` };
}

function toUrl(text: string): URL | null {
  if (text === '') return null;
  // Links copied from some address bars come without the scheme; Kendo is https only.
  const withScheme = SCHEME_RE.test(text) ? text : `https://${text}`;
  try {
    return new URL(withScheme);
  } catch {
    return null;
  }
}
