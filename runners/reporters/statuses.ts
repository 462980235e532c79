/**
 * The statuses a scenario can have, as the human-facing reporters show them: one place for their
 * order, label, meaning and colours. Readers of a report tolerate statuses they do not know (an
 * older or newer runner): they show them under their own name and never count them as passing.
 */
export interface StatusInfo {
  readonly label: string;
  readonly meaning: string;
  /** Background and text colours for a cell; each pair has a contrast ratio of at least 4.5:1. */
  readonly background: string;
  readonly text: string;
  /** Whether the run fails because of it. */
  readonly failing: boolean;
}

export const STATUS_INFO: Readonly<Record<string, StatusInfo>> = {
  passed: { label: 'passed', meaning: 'every expectation held', background: '#dcf5e3', text: '#0b4a1f', failing: false },
  failed: { label: 'failed', meaning: 'a [docs], [model] or [recorded] expectation did not hold', background: '#fbdada', text: '#7a0b0b', failing: true },
  fixed: { label: 'fixed', meaning: 'listed in the baseline as failing, but passed: the baseline is stale', background: '#fde4c8', text: '#6b3300', failing: true },
  known: { label: 'known', meaning: 'failed, and listed in the baseline with a reason', background: '#efe3fa', text: '#4a1a73', failing: false },
  advisory: { label: 'advisory', meaning: 'only [inferred] expectations did not hold: shown, never failing', background: '#fff3c4', text: '#5c4400', failing: false },
  'not-arranged': { label: 'not arranged', meaning: 'the target could not be put into the given state, so nothing was checked', background: '#e3e8ef', text: '#26323f', failing: false },
  skipped: {
    label: 'skipped',
    meaning: 'not run on this target: every check needs the raw HTTP answer the transport does not show, or the scenario needs IAM the target lacks',
    background: '#eeeeee',
    text: '#333333',
    failing: false,
  },
  'not-run': {
    label: 'not run',
    meaning: 'the run stopped (signal, --timeout, a target that stopped answering) before this scenario finished',
    background: '#e8e8e8',
    text: '#2b2b2b',
    failing: false,
  },
};

/** Columns of the count tables, in this order; statuses outside it follow, by name. */
export const STATUS_ORDER = ['passed', 'failed', 'fixed', 'known', 'advisory', 'not-arranged', 'skipped', 'not-run'] as const;

/**
 * What a reporter shows for a status, known or not.
 * @example statusInfo('not-arranged').label // 'not arranged'
 */
export function statusInfo(status: string): StatusInfo {
  return STATUS_INFO[status] ?? { label: status, meaning: 'a status this version of the tool does not know', background: '#e3e8ef', text: '#26323f', failing: true };
}

/**
 * The statuses to show as columns: the usual ones, then any others the results carry.
 * @example statusColumns(['passed', 'interrupted']) // ['passed', 'failed', ..., 'skipped', 'interrupted']
 */
export function statusColumns(seen: Iterable<string>): string[] {
  const extra = [...new Set(seen)].filter((s) => !(STATUS_ORDER as readonly string[]).includes(s)).sort();
  return [...STATUS_ORDER, ...extra];
}
