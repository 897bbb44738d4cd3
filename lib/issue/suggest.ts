/** Issues to suggest in the quick-log form: the recent ones first, then Kendo's "my issues". */
import { activeApi } from '../connection';
import { recentIssuesItem } from '../storage';

export async function suggestIssues(): Promise<
  { key: string; title: string; projectId: number }[]
> {
  const { conn, api } = await activeApi();
  const recent = (await recentIssuesItem.getValue())
    .filter((i) => i.origin === conn.origin)
    .map((i) => ({ key: i.key, title: i.title ?? '', projectId: i.projectId }));
  let mine: typeof recent = [];
  try {
    mine = (await api.myIssues()).map((i) => ({
      key: i.key,
      title: i.title,
      projectId: i.project_id,
    }));
  } catch {
    // Suggestions are a convenience: without Kendo, the recent ones still help.
  }
  const seen = new Set<string>();
  return [...recent, ...mine].filter((i) => !seen.has(i.key) && !!seen.add(i.key)).slice(0, 30);
}
