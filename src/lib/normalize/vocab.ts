/**
 * Vocabularies of real exports, mapped onto the canonical values. Matching is on the lower-cased,
 * trimmed value with runs of space, underscore and hyphen folded to one space.
 */
export const MEETING_STATUS: Record<string, string[]> = {
  // Calendar states ("confirmed", "busy") mean the meeting stood as planned.
  held: ['held', 'completed', 'complete', 'done', 'attended', 'occurred', 'happened', 'met', 'finished', 'accepted', 'confirmed', 'busy', 'closed', 'logged'],
  cancelled: ['cancelled', 'canceled', 'cancel', 'declined', 'canceled by host', 'canceled by invitee', 'abgesagt', 'annule', 'annulé', 'cancelado'],
  rescheduled: ['rescheduled', 'reschedule', 'moved', 'postponed', 'verschoben'],
  no_show: ['no show', 'noshow', 'missed', 'did not attend', 'absent'],
  scheduled: ['scheduled', 'booked', 'upcoming', 'planned', 'tentative', 'open', 'not started', 'in progress', 'waiting on someone else', 'deferred', 'on hold']
};

export const GOAL_STATUS: Record<string, string[]> = {
  on_track: ['on track', 'ontrack', 'green', 'in progress', 'progressing', 'ahead', 'not started'],
  // A goal on hold is not moving: flagged for attention rather than read as on track.
  at_risk: ['at risk', 'atrisk', 'yellow', 'amber', 'needs attention', 'on hold', 'paused', 'stalled', 'needs help'],
  off_track: ['off track', 'offtrack', 'behind', 'red', 'delayed', 'late'],
  achieved: ['achieved', 'complete', 'completed', 'done', 'met', 'closed won'],
  missed: ['missed', 'failed', 'not achieved', 'not met'],
  dropped: ['dropped', 'cancelled', 'canceled', 'abandoned', 'deprioritized', 'deprioritised', 'archived']
};

export const OUTCOME_STATUS: Record<string, string[]> = {
  not_started: ['not started', 'new', 'open', 'draft', 'planned'],
  in_progress: ['in progress', 'active', 'on track', 'ongoing', 'green'],
  at_risk: ['at risk', 'atrisk', 'off track', 'yellow', 'amber', 'red', 'blocked', 'on hold', 'paused', 'stalled', 'behind'],
  overdue: ['overdue', 'late', 'past due'],
  achieved: ['achieved', 'complete', 'completed', 'done', 'closed', 'met', 'won'],
  missed: ['missed', 'failed', 'not achieved', 'lost'],
  dropped: ['dropped', 'cancelled', 'canceled', 'abandoned']
};

export const MEETING_KIND: Record<string, string[]> = {
  one_on_one: ['1:1', '1 1', '1on1', 'one on one', 'one to one', '121', '1:1 meeting', 'one on one meeting'],
  customer: ['customer', 'client', 'external', 'customer meeting', 'qbr', 'ebr', 'onboarding'],
  internal: ['internal', 'team', 'staff', 'team meeting', 'all hands']
};

export const CHANNEL: Record<string, string[]> = {
  meeting: ['meeting', 'video', 'in person', 'onsite', 'zoom', 'teams', 'conference', 'visit', 'event'],
  call: ['call', 'phone', 'phone call', 'voice'],
  email: ['email', 'e mail', 'mail', 'sequence'],
  async: ['task', 'chat', 'slack', 'async', 'message', 'note', 'loom', 'in app', 'sms', 'linkedin'],
  self_service: ['self service', 'webinar', 'community', 'help center', 'academy', 'digital', 'automated']
};

/** The five agenda items of the standard CS 1:1, with the words that mark each. Editable by the user. */
export const AGENDA_ITEMS = [
  { key: 'goals', label: 'Goals & performance', words: ['goal', 'performance', 'metric', 'kpi', 'okr', 'target', 'number', 'quota', 'nrr', 'pipeline', 'ziel', 'leistung', 'objectif'] },
  { key: 'bottlenecks', label: 'Bottlenecks & challenges', words: ['bottleneck', 'blocker', 'blocked', 'challenge', 'obstacle', 'stuck', 'roadblock', 'hindernis'] },
  { key: 'customers', label: 'Customer issues', words: ['customer', 'account', 'client', 'escalation', 'renewal', 'churn', 'at-risk', 'at risk', 'kunde'] },
  { key: 'coaching', label: 'Coaching & problem solving', words: ['coaching', 'coach', 'feedback', 'problem solving', 'problem-solving', 'role play', 'skill'] },
  { key: 'career', label: 'Career development', words: ['career', 'growth', 'promotion', 'development', 'aspiration', 'learning', 'training', 'karriere', 'entwicklung', 'carrière', 'carriere'] }
] as const;

export type AgendaKey = (typeof AGENDA_ITEMS)[number]['key'];
export type AgendaWords = Record<AgendaKey, string[]>;

export const DEFAULT_AGENDA_WORDS: AgendaWords = Object.fromEntries(AGENDA_ITEMS.map((a) => [a.key, [...a.words]])) as AgendaWords;

/** Keywords as the user types them: comma-separated, trimmed, lower-cased, empty ones dropped. */
export function parseWords(text: string): string[] {
  return [...new Set(text.split(',').map((w) => w.trim().toLowerCase()).filter(Boolean))];
}

const esc = (s: string) => s.replaceAll("'", "''");
const escRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The folded form every vocabulary is compared in. */
export function foldSql(expr: string): string {
  return `regexp_replace(lower(trim(${expr})), '[\\s_\\-]+', ' ', 'g')`;
}

/**
 * A text expression mapped through a vocabulary; unknown words give NULL. One map lookup, so the folding
 * (a regex) runs once per value, not once per word; the first value listing a word wins.
 */
export function vocabCase(expr: string, vocab: Record<string, string[]>): string {
  const seen = new Map<string, string>();
  for (const [value, words] of Object.entries(vocab)) {
    for (const w of words) {
      const key = w.toLowerCase().replace(/[\s_-]+/g, ' ');
      if (!seen.has(key)) seen.set(key, value);
    }
  }
  const entries = [...seen].map(([k, v]) => `'${esc(k)}': '${esc(v)}'`).join(', ');
  // A qualified value ("Async (Slack)", "Call - outbound") is read by its head word, else by its qualifier.
  const map = `MAP {${entries}}`;
  const head = `regexp_replace(${expr}, '\\s*([(\\[]|\\s[-–/|]\\s|:\\s).*$', '')`;
  const qualifier = `regexp_extract(${expr}, '[(\\[]([^)\\]]+)[)\\]]', 1)`;
  return `CASE WHEN ${expr} IS NULL OR trim(${expr}) = '' THEN NULL ELSE coalesce((${map})[${foldSql(expr)}], (${map})[${foldSql(head)}], (${map})[${foldSql(qualifier)}]) END`;
}

/** Whether free text mentions any of the words (word starts, case-insensitive: the expression's flag, which
 *  is twice as fast as lower-casing every note first). */
export function mentionsSql(expr: string, words: readonly string[]): string {
  if (!words.length) return 'false';
  return `regexp_matches(${expr}, '(^|[^a-z])(${words.map((w) => esc(escRe(w.toLowerCase()))).join('|')})', 'i')`;
}
