/** What the filters can offer: the data's date range, people, teams and segments. */

export const OPTIONS_SQL = {
  range: `SELECT strftime(as_of, '%Y-%m-%d') AS as_of, strftime(first_day, '%Y-%m-%d') AS first_day FROM data_range`,
  managers: `SELECT DISTINCT m.manager AS value, coalesce(n.name, m.manager) AS label FROM meetings m LEFT JOIN person_names n ON n.person_key = m.manager
    WHERE m.kind = 'one_on_one' AND m.manager IS NOT NULL ORDER BY label`,
  csms: `SELECT DISTINCT x.csm AS value, coalesce(n.name, x.csm) AS label FROM (SELECT csm FROM meetings UNION SELECT csm FROM accounts UNION SELECT csm FROM outcomes) x
    LEFT JOIN person_names n ON n.person_key = x.csm WHERE x.csm IS NOT NULL ORDER BY label`,
  teams: `SELECT DISTINCT team AS value, team AS label FROM people WHERE team IS NOT NULL ORDER BY team`,
  segments: `SELECT DISTINCT segment AS value, segment AS label FROM (SELECT segment FROM accounts UNION SELECT segment FROM outcomes) WHERE segment IS NOT NULL ORDER BY segment`
};
