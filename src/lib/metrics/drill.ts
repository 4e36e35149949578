/** The rows behind a mark: the meetings of a pair or an account in the window, as the exports gave them. */
import { literal } from '$lib/engine/sql';
import { dateLiteral, meetingPeopleWhere, paramsCte, type Filters } from './filters';

export type DrillTarget =
  | { type: 'pair'; manager: string; csm: string; label: string }
  | { type: 'account'; account: string; label: string }
  | { type: 'period'; start: string; grain: 'week' | 'month'; label: string };

export function drillSql(t: DrillTarget, f: Filters): string {
  const where =
    t.type === 'pair'
      ? `m.kind = 'one_on_one' AND m.manager = ${literal(t.manager)} AND m.csm = ${literal(t.csm)}`
      : t.type === 'account'
        ? `m.kind = 'customer' AND m.account = ${literal(t.account)}`
        : `m.kind = 'customer' AND m.status = 'held' AND date_trunc(${literal(t.grain)}, m.start_at)::DATE = ${dateLiteral(t.start)} AND ${meetingPeopleWhere(f)}`;
  return `WITH ${paramsCte(f)}
  SELECT strftime(m.start_at, '%Y-%m-%d %H:%M') AS start, m.title, m.status, m.channel, coalesce(mn.name, m.manager) AS manager_name,
    coalesce(cn.name, m.csm) AS csm_name, m.account, m.source_file, m.source_row
  FROM meetings m CROSS JOIN params
  LEFT JOIN person_names mn ON mn.person_key = m.manager
  LEFT JOIN person_names cn ON cn.person_key = m.csm
  WHERE ${where} AND CAST(m.start_at AS DATE) BETWEEN params.w_from AND params.w_to
  ORDER BY m.start_at LIMIT 1000`;
}
