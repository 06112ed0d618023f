/**
 * Where the timeline draws things, in pixels of a picture `width` wide: a time axis from the
 * first to the latest dated report, a mark per report stacked upwards where marks would
 * overlap, and a few tick labels in hours or days (or months, years) as the span needs.
 */
import { shortClock, shortDay, shortMonth, shortYear } from './utc-parts';

export type MarkKind = 'report' | 'first' | 'own';

export interface TimelineInput {
  /** Milliseconds since the epoch. */
  at: number;
  kind: MarkKind;
  /** Handed back on the mark (the caller's key). */
  key: number;
}

export interface Mark extends TimelineInput {
  x: number;
  y: number;
}

export interface Tick {
  x: number;
  label: string;
  anchor: 'start' | 'middle' | 'end';
}

export interface TimelineLayout {
  width: number;
  height: number;
  /** The axis line, from `left` to `right` at `axisY`. */
  left: number;
  right: number;
  axisY: number;
  marks: Mark[];
  ticks: Tick[];
}

/** A mark's radius and the room each takes (marks closer than this stack). */
export const MARK_RADIUS = 5;
const CELL = 2 * MARK_RADIUS + 2;
/** Stacks stop growing here (the table lists every report). */
const MAX_ROWS = 10;
const SIDE = 14;
const TOP = 4;
const LABEL_ROOM = 20;
/** Room a tick label needs. */
const TICK_SPACING = 76;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const FIXED_STEPS = [HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY, 14 * DAY];
const MONTH_STEPS = [1, 2, 3, 6];
const YEAR_STEPS = [1, 2, 5, 10, 25, 50, 100];

/** Ticks of `step` ms from `from` to `to`, at whole multiples since the epoch (UTC midnights, for days). */
function fixedTicks(from: number, to: number, step: number): number[] {
  const ticks: number[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to; t += step) ticks.push(t);
  return ticks;
}

/** The first of every `months`-th month (by month of the year) from `from` to `to`. */
function monthTicks(from: number, to: number, months: number): number[] {
  const start = new Date(from);
  let year = start.getUTCFullYear();
  let month = start.getUTCMonth();
  const ticks: number[] = [];
  for (;;) {
    const t = Date.UTC(year, month, 1);
    if (t > to) break;
    if (t >= from && month % months === 0) ticks.push(t);
    month += 1;
    if (month === 12) [year, month] = [year + 1, 0];
  }
  return ticks;
}

function yearTicks(from: number, to: number, years: number): number[] {
  const ticks: number[] = [];
  for (let year = new Date(from).getUTCFullYear(); Date.UTC(year, 0, 1) <= to; year++) {
    const t = Date.UTC(year, 0, 1);
    if (t >= from && year % years === 0) ticks.push(t);
  }
  return ticks;
}

/** Tick times and their labels for the span, at most `max` of them; the ends alone when no step fits. */
export function tickTimes(from: number, to: number, max: number): { at: number; label: string }[] {
  for (const step of FIXED_STEPS) {
    const ticks = fixedTicks(from, to, step);
    if (ticks.length > max) continue;
    if (ticks.length < 2) break;
    // Hours read as clock times, midnights as the day they start.
    return ticks.map((at) => ({ at, label: step < DAY && at % DAY !== 0 ? shortClock(at) : shortDay(at) }));
  }
  if (to - from > 28 * DAY) {
    for (const months of MONTH_STEPS) {
      const ticks = monthTicks(from, to, months);
      if (ticks.length <= max && ticks.length >= 2) return ticks.map((at) => ({ at, label: shortMonth(at) }));
    }
    for (const years of YEAR_STEPS) {
      const ticks = yearTicks(from, to, years);
      if (ticks.length <= max && ticks.length >= 2) return ticks.map((at) => ({ at, label: shortYear(at) }));
    }
  }
  // A short span (or one no step divides well): its two ends.
  const label = (at: number) => (to - from < DAY && shortDay(from) === shortDay(to) ? shortClock(at) : `${shortDay(at)}, ${shortClock(at)}`);
  return from === to ? [{ at: from, label: label(from) }] : [from, to].map((at) => ({ at, label: label(at) }));
}

export function timelineLayout(inputs: readonly TimelineInput[], width: number): TimelineLayout {
  const left = SIDE;
  const right = Math.max(width - SIDE, left + 1);
  const times = inputs.map((input) => input.at);
  const from = Math.min(...times);
  const to = Math.max(...times);
  const x = (at: number) => (to === from ? (left + right) / 2 : left + ((at - from) / (to - from)) * (right - left));

  // Highlighted marks first, so they sit on the axis; then each mark in the lowest row where it
  // clears the row's last mark (rows fill left to right, as the reports are oldest first).
  const order = [...inputs].sort((a, b) => Number(b.kind !== 'report') - Number(a.kind !== 'report') || a.at - b.at);
  const rows: number[][] = [];
  const placed = order.map((input) => {
    const at = x(input.at);
    let row = rows.findIndex((xs) => xs.every((other) => Math.abs(other - at) >= CELL));
    if (row === -1) row = rows.length < MAX_ROWS ? rows.push([]) - 1 : MAX_ROWS - 1;
    rows[row]!.push(at);
    return { ...input, x: at, row };
  });
  const axisY = TOP + Math.max(rows.length, 1) * CELL + 2;
  const marks = placed.map(({ row, ...mark }): Mark => ({ ...mark, y: axisY - 2 - MARK_RADIUS - 1 - row * CELL }));
  // Reports drawn under the highlighted ones.
  marks.sort((a, b) => Number(a.kind !== 'report') - Number(b.kind !== 'report'));

  const max = Math.max(2, Math.floor((right - left) / TICK_SPACING) + 1);
  const edge = TICK_SPACING / 2;
  const ticks = tickTimes(from, to, max).map(({ at, label }): Tick => {
    const tx = x(at);
    return { x: tx, label, anchor: tx - left < edge ? 'start' : right - tx < edge ? 'end' : 'middle' };
  });
  return { width, height: axisY + LABEL_ROOM, left, right, axisY, marks, ticks };
}
