import { describe, expect, it } from 'vitest';
import { MARK_RADIUS, tickTimes, timelineLayout, type TimelineInput } from '../../../../src/app/features/coverage/timeline-layout';

const t = (iso: string) => Date.parse(iso);
const labels = (from: string, to: string, max: number) => tickTimes(t(from), t(to), max).map((tick) => tick.label);

describe('tickTimes', () => {
  it('marks days for a span of days (001 and 002: June 11, 17:28 to June 16, 01:18)', () => {
    expect(labels('2020-06-11T17:28:00Z', '2020-06-16T01:18:00Z', 8)).toEqual(['Jun 12', 'Jun 13', 'Jun 14', 'Jun 15', 'Jun 16']);
    // Half days when there is room for them; every other day when there is not.
    expect(labels('2020-06-11T17:28:00Z', '2020-06-16T01:18:00Z', 9)).toEqual([
      'Jun 12',
      '12:00',
      'Jun 13',
      '12:00',
      'Jun 14',
      '12:00',
      'Jun 15',
      '12:00',
      'Jun 16',
    ]);
    expect(labels('2020-06-11T17:28:00Z', '2020-06-16T01:18:00Z', 4).length).toBeLessThanOrEqual(4);
  });

  it('marks hours for a span of hours, midnight as the day it starts (000: 23 hours)', () => {
    expect(labels('2020-07-14T12:51:00Z', '2020-07-15T11:39:00Z', 8)).toEqual(['15:00', '18:00', '21:00', 'Jul 15', '03:00', '06:00', '09:00']);
  });

  it('marks months, then years, for longer spans', () => {
    expect(labels('2020-01-05T00:00:00Z', '2020-06-20T00:00:00Z', 8)).toEqual(['Feb 2020', 'Mar 2020', 'Apr 2020', 'May 2020', 'Jun 2020']);
    expect(labels('2015-03-01T00:00:00Z', '2020-06-20T00:00:00Z', 8)).toEqual(['2016', '2017', '2018', '2019', '2020']);
  });

  it('labels the two ends of a span too short for a step, and one time once', () => {
    expect(labels('2020-06-11T17:28:00Z', '2020-06-11T17:40:00Z', 8)).toEqual(['17:28', '17:40']);
    expect(labels('2020-06-11T23:50:00Z', '2020-06-12T00:20:00Z', 8)).toEqual(['Jun 11, 23:50', 'Jun 12, 00:20']);
    expect(labels('2020-06-11T17:28:00Z', '2020-06-11T17:28:00Z', 8)).toEqual(['17:28']);
  });
});

describe('timelineLayout', () => {
  const inputs = (isos: string[], own = -1, first = 0): TimelineInput[] =>
    isos.map((iso, key) => ({ at: t(iso), key, kind: key === own ? 'own' : key === first ? 'first' : 'report' }));

  it('spans the axis from the first to the latest report, inside the picture', () => {
    const layout = timelineLayout(inputs(['2020-06-11T00:00:00Z', '2020-06-12T00:00:00Z', '2020-06-13T00:00:00Z']), 400);
    const xs = layout.marks.sort((a, b) => a.key - b.key).map((m) => m.x);
    expect(xs[0]).toBe(layout.left);
    expect(xs[2]).toBe(layout.right);
    expect(xs[1]).toBe((layout.left + layout.right) / 2);
    expect(layout.left).toBeGreaterThanOrEqual(MARK_RADIUS * 2);
    expect(layout.right).toBeLessThanOrEqual(400 - MARK_RADIUS * 2);
    for (const tick of layout.ticks) expect(tick.x).toBeGreaterThanOrEqual(layout.left);
  });

  it('stacks marks that would overlap, highlighted ones on the axis; one mark per input', () => {
    const isos = Array.from({ length: 6 }, (_, i) => `2020-06-11T17:${String(28 + i).padStart(2, '0')}:00Z`).concat('2020-06-16T01:18:00Z');
    const layout = timelineLayout(inputs(isos, 6), 360);
    expect(layout.marks).toHaveLength(isos.length);
    const onAxis = Math.max(...layout.marks.map((m) => m.y));
    expect(layout.marks.filter((m) => m.kind !== 'report').every((m) => m.y === onAxis)).toBe(true);
    for (const a of layout.marks) for (const b of layout.marks) if (a !== b && a.y === b.y) expect(Math.abs(a.x - b.x)).toBeGreaterThanOrEqual(2 * MARK_RADIUS);
    expect(new Set(layout.marks.map((m) => m.y)).size).toBeGreaterThan(1);
    expect(layout.height).toBeGreaterThan(layout.axisY);
  });

  it('draws a story whose reports share one time in the middle', () => {
    const layout = timelineLayout(inputs(['2020-06-11T17:28:00Z', '2020-06-11T17:28:00Z']), 300);
    expect(layout.marks.map((m) => m.x)).toEqual([150, 150]);
    expect(layout.ticks.map((tick) => tick.label)).toEqual(['17:28']);
  });
});
