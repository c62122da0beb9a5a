import { MINUS } from '../measure/format';

export interface StudyDate {
  studyInstanceUid: string;
  /** DICOM DA: YYYYMMDD. */
  date: string;
  /** DICOM TM: HHMMSS(.ffffff), possibly shortened or empty; only used to order same-day studies. */
  time: string;
}

export interface Timepoint {
  studyInstanceUid: string;
  date: string;
  time: string;
  isBaseline: boolean;
  /** Whole calendar days from the baseline date (negative before it); null when the date is unknown. */
  daysFromBaseline: number | null;
  /** "Baseline", "+2 wk", "+3 mo", "+1 y 2 mo", "−2 mo", "date unknown". */
  label: string;
}

export const DAYS_PER_MONTH = 30.44;
/** Below this many days intervals are given in weeks (under ~6 weeks) … */
const WEEKS_BELOW_DAYS = 42;
/** … and below a week in days. */
const DAYS_BELOW_DAYS = 7;

/**
 * Orders studies by date and time and labels each relative to the baseline: the chosen study, or the
 * earliest dated study when `baselineUid` is not given or not among the studies. Studies without a
 * valid date come last.
 */
export function timepointsFromStudies(studies: readonly StudyDate[], baselineUid?: string): Timepoint[] {
  const dated = studies.map((s) => ({ study: s, day: dayNumber(s.date) }));
  dated.sort((a, b) => {
    if (a.day === null || b.day === null) return a.day === null ? (b.day === null ? 0 : 1) : -1;
    return a.day - b.day || timeOfDay(a.study.time) - timeOfDay(b.study.time);
  });
  const baseline = dated.find((d) => d.study.studyInstanceUid === baselineUid && d.day !== null) ?? dated.find((d) => d.day !== null);
  return dated.map(({ study, day }) => {
    const isBaseline = baseline !== undefined && study === baseline.study;
    const daysFromBaseline = day === null || baseline?.day == null ? null : day - baseline.day;
    return {
      studyInstanceUid: study.studyInstanceUid,
      date: study.date,
      time: study.time,
      isBaseline,
      daysFromBaseline,
      label: isBaseline ? 'Baseline' : daysFromBaseline === null ? 'date unknown' : intervalLabel(daysFromBaseline),
    };
  });
}

/** "+3 d", "+2 wk", "+3 mo", "+1 y", "+1 y 2 mo", "−2 mo", "same day". */
export function intervalLabel(days: number): string {
  if (days === 0) return 'same day';
  const sign = days > 0 ? '+' : MINUS;
  const abs = Math.abs(days);
  if (abs < DAYS_BELOW_DAYS) return `${sign}${abs} d`;
  if (abs < WEEKS_BELOW_DAYS) return `${sign}${Math.round(abs / 7)} wk`;
  const months = Math.round(abs / DAYS_PER_MONTH);
  if (months < 12) return `${sign}${months} mo`;
  const years = Math.floor(months / 12);
  const rest = months % 12;
  return `${sign}${years} y${rest === 0 ? '' : ` ${rest} mo`}`;
}

/** Days since 1970-01-01 for a valid YYYYMMDD date, else null. */
function dayNumber(date: string): number | null {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(date.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return ms / 86_400_000;
}

/** Seconds since midnight from DICOM TM (HH, HHMM, HHMMSS or HHMMSS.ffffff); 0 when absent. */
function timeOfDay(time: string): number {
  const match = /^(\d{2})(\d{2})?(\d{2}(?:\.\d+)?)?/.exec(time.trim());
  if (!match) return 0;
  return Number(match[1]) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
}
