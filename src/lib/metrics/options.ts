/** What the filters can offer: the data's date range, people, teams and segments. */

export const OPTIONS_SQL = {
  range: `SELECT strftime(as_of, '%Y-%m-%d') AS as_of, strftime(first_day, '%Y-%m-%d') AS first_day FROM data_range`,
  managers: `SELECT DISTINCT m.manager AS value, coalesce(n.name, m.manager) AS label FROM meeting_people m LEFT JOIN person_names n ON n.person_key = m.manager
    WHERE m.is_one_on_one AND m.manager IS NOT NULL ORDER BY label`,
  csms: `SELECT DISTINCT x.csm AS value, coalesce(n.name, x.csm) AS label FROM (SELECT csm FROM meeting_people UNION SELECT csm FROM accounts UNION SELECT csm FROM outcomes) x
    LEFT JOIN person_names n ON n.person_key = x.csm WHERE x.csm IS NOT NULL ORDER BY label`,
  // Only teams a filter can match: a team whose people own no meeting, account, outcome or goal (a leadership
  // team on the roster) would empty every view.
  teams: `SELECT DISTINCT p.team AS value, p.team AS label FROM people p
    WHERE p.team IS NOT NULL AND p.person_key IN (
      SELECT csm FROM meeting_people UNION SELECT manager FROM meeting_people UNION SELECT csm FROM accounts UNION SELECT csm FROM outcomes UNION SELECT owner FROM goals)
    ORDER BY p.team`,
  segments: `SELECT DISTINCT segment AS value, segment AS label FROM (SELECT segment FROM accounts UNION SELECT segment FROM outcomes) WHERE segment IS NOT NULL ORDER BY segment`
};
