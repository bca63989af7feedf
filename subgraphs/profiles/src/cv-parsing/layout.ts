/**
 * Reading order of a PDF page from the positions of its text runs, so that a two-column CV (a sidebar
 * next to the main column) is read column by column instead of line across columns.
 *
 * Runs that follow each other on one line, closer than a wide gap, become segments. The page is then
 * cut recursively (an X-Y cut): first vertically, at a gutter — an x-interval that no segment crosses
 * — when the text on both sides looks like columns (several lines each, side by side, mostly on
 * different baselines: a title on the left with its date on the right shares baselines and is not a
 * column); a few rows of page header or footer may span the gutter. When no gutter exists, the region
 * is cut horizontally at its widest blank band and each part is tried again, so that a two-column band
 * under a full-width header is still found. Rows are formed inside each final region only, so lines of
 * two columns are never glued together.
 */

/** One run of text as the PDF places it; `y` is the baseline in PDF units, growing upwards. */
export interface TextRun {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  /** Font size in PDF units. */
  readonly size: number;
}

interface Segment {
  readonly runs: TextRun[];
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  /** Baseline of the segment's largest run. */
  baseline: number;
  size: number;
  /** Creation rank: among segments a run could join, the first created wins. */
  readonly order: number;
}

/** Part of a run's height above the baseline and below it, as a share of the font size. */
const ASCENT = 0.8;
const DESCENT = 0.2;
/** A horizontal gap wider than this many font sizes separates segments (a word space is ~0.3). */
const SEGMENT_GAP = 1.0;
/** Below this many font sizes of gap, runs are parts of one word (kerning, a colour change mid-word). */
const WORD_GAP = 0.12;
const MIN_GUTTER_WIDTH = 6;
/** Baseline heights (PDF units) per bucket of the segment index. */
const HEIGHT_BUCKET = 4;
/** A gutter is at least this many font sizes wide; narrower gaps are word spacing or a margin note. */
const MIN_GUTTER_FONT_SIZES = 1.0;
const MIN_COLUMN_LINES = 3;
/** Two segments whose baselines are closer than this (PDF units) are on the same typeset line. */
const BASELINE_TOLERANCE = 1;
/** A column split is refused when more of the smaller side's lines than this share a baseline with the other side. */
const MAX_SHARED_BASELINE_SHARE = 0.5;
const MAX_HEADER_ROWS = 10;
const MAX_FOOTER_ROWS = 3;
/** Blank space, in font sizes, between two bands of a page; lines of a paragraph are far closer. */
const BAND_GAP = 0.8;
/** Gaps at least this share of the widest one cut a region into bands together. */
const WIDEST_GAP_SHARE = 0.85;
/** Rows a segment is compared with when rows are formed (they come top first). */
const RECENT_ROWS = 8;
/** Regions one page may be cut into, and segments above which a page is not cut at all. */
const MAX_REGIONS = 300;
const MAX_LAYOUT_SEGMENTS = 3_000;

function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}

/** Whether two vertical extents overlap by at least half of the smaller one: the same line. */
function sameLine(a: { top: number; bottom: number }, b: { top: number; bottom: number }): boolean {
  return overlap(a.bottom, a.top, b.bottom, b.top) >= 0.5 * Math.min(a.top - a.bottom, b.top - b.bottom);
}

function runBox(run: TextRun): { top: number; bottom: number } {
  return { top: run.y + ASCENT * run.size, bottom: run.y - DESCENT * run.size };
}

/**
 * Runs joined into segments, left to right. Segments are filed by baseline height so that each run is
 * compared with the segments near its own line only, not with the whole page.
 */
function segmentsOf(runs: readonly TextRun[]): Segment[] {
  const segments: Segment[] = [];
  const byHeight = new Map<number, Segment[]>();
  for (const run of [...runs].sort((a, b) => a.x - b.x || b.y - a.y)) {
    const box = runBox(run);
    const size = run.size;
    const height = Math.floor(run.y / HEIGHT_BUCKET);
    const reach = Math.ceil((2 * size) / HEIGHT_BUCKET) + 1;
    let segment: Segment | undefined;
    for (let bucket = height - reach; bucket <= height + reach; bucket += 1) {
      for (const candidate of byHeight.get(bucket) ?? []) {
        const gap = run.x - candidate.x1;
        const joins =
          gap <= SEGMENT_GAP * Math.max(size, candidate.size) &&
          gap >= -0.5 * Math.max(size, candidate.size) &&
          sameLine(box, candidate);
        // The earliest segment wins, as if the page were scanned in order.
        if (joins && (!segment || candidate.order < segment.order)) segment = candidate;
      }
    }
    if (!segment) {
      const created = {
        runs: [run],
        x0: run.x,
        x1: run.x + run.width,
        ...box,
        baseline: run.y,
        size,
        order: segments.length,
      };
      segments.push(created);
      byHeight.set(height, [...(byHeight.get(height) ?? []), created]);
      continue;
    }
    segment.runs.push(run);
    segment.x1 = Math.max(segment.x1, run.x + run.width);
    segment.top = Math.max(segment.top, box.top);
    segment.bottom = Math.min(segment.bottom, box.bottom);
    if (size > segment.size) {
      segment.size = size;
      segment.baseline = run.y;
    }
  }
  return segments;
}

function segmentText(segment: Segment): string {
  let text = '';
  let previous: TextRun | undefined;
  for (const run of segment.runs) {
    if (previous) {
      const gap = run.x - (previous.x + previous.width);
      const glued = gap < WORD_GAP * Math.min(run.size, previous.size);
      if (!glued && !text.endsWith(' ') && !run.text.startsWith(' ')) text += ' ';
    }
    text += run.text;
    previous = run;
  }
  return text.replace(/\s+/g, ' ').trim();
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function extent(segments: readonly Segment[]): { top: number; bottom: number } {
  return {
    top: Math.max(...segments.map((segment) => segment.top)),
    bottom: Math.min(...segments.map((segment) => segment.bottom)),
  };
}

/** Segments grouped into rows (same line), top to bottom, each row left to right. */
function rowsOf(segments: readonly Segment[]): Segment[][] {
  const rows: { top: number; bottom: number; segments: Segment[] }[] = [];
  for (const segment of [...segments].sort((a, b) => b.top - a.top)) {
    // Segments come top first, so only the last rows started can still reach down to this one.
    const row = rows.slice(-RECENT_ROWS).find((candidate) => sameLine(segment, candidate));
    if (row) {
      row.segments.push(segment);
      row.top = Math.max(row.top, segment.top);
      row.bottom = Math.min(row.bottom, segment.bottom);
    } else {
      rows.push({ top: segment.top, bottom: segment.bottom, segments: [segment] });
    }
  }
  return rows.sort((a, b) => b.top - a.top).map((row) => row.segments.sort((a, b) => a.x0 - b.x0));
}

/** Lines of text a set of segments covers: distinct baselines, ascending. */
function baselines(segments: readonly Segment[]): number[] {
  const found: number[] = [];
  for (const baseline of segments.map((segment) => segment.baseline).sort((a, b) => a - b)) {
    const last = found[found.length - 1];
    if (last === undefined || baseline - last > BASELINE_TOLERANCE) found.push(baseline);
  }
  return found;
}

/** How many of the ascending baselines `lines` have a match in the ascending `others`. */
function sharedBaselines(lines: readonly number[], others: readonly number[]): number {
  let shared = 0;
  let position = 0;
  for (const line of lines) {
    while (position < others.length && (others[position] ?? 0) < line - BASELINE_TOLERANCE) position += 1;
    if (position < others.length && Math.abs((others[position] ?? 0) - line) <= BASELINE_TOLERANCE)
      shared += 1;
  }
  return shared;
}

function looksLikeColumns(left: readonly Segment[], right: readonly Segment[]): boolean {
  const leftLines = baselines(left);
  const rightLines = baselines(right);
  if (leftLines.length < MIN_COLUMN_LINES || rightLines.length < MIN_COLUMN_LINES) return false;
  const shared = sharedBaselines(leftLines, rightLines);
  if (shared > MAX_SHARED_BASELINE_SHARE * Math.min(leftLines.length, rightLines.length)) return false;
  const leftExtent = extent(left);
  const rightExtent = extent(right);
  const sideBySide = overlap(leftExtent.bottom, leftExtent.top, rightExtent.bottom, rightExtent.top);
  return (
    sideBySide >= 0.5 * Math.min(leftExtent.top - leftExtent.bottom, rightExtent.top - rightExtent.bottom)
  );
}

interface Gutter {
  readonly left: Segment[];
  readonly right: Segment[];
  readonly width: number;
}

/** The widest gutter that separates `segments` into two columns, or null. */
function findGutter(segments: readonly Segment[]): Gutter | null {
  const minimumWidth = Math.max(
    MIN_GUTTER_WIDTH,
    MIN_GUTTER_FONT_SIZES * median(segments.map((segment) => segment.size)),
  );
  const spans = [...segments].sort((a, b) => a.x0 - b.x0);
  let best: Gutter | null = null;
  let coveredTo = spans[0]?.x1 ?? 0;
  for (const segment of spans.slice(1)) {
    const gapStart = coveredTo;
    const width = segment.x0 - gapStart;
    coveredTo = Math.max(coveredTo, segment.x1);
    if (width < minimumWidth || width <= (best?.width ?? 0)) continue;
    const left = segments.filter((candidate) => candidate.x1 <= gapStart);
    const right = segments.filter((candidate) => candidate.x0 >= segment.x0);
    if (looksLikeColumns(left, right)) best = { left, right, width };
  }
  return best;
}

/** A vertical split of the region, allowing a few full-width rows above (header) and below (footer). */
function splitColumns(rows: readonly Segment[][]): Segment[][] | null {
  for (let outside = 0; outside <= MAX_HEADER_ROWS + MAX_FOOTER_ROWS; outside += 1) {
    for (let footer = 0; footer <= Math.min(outside, MAX_FOOTER_ROWS); footer += 1) {
      const header = outside - footer;
      if (header > MAX_HEADER_ROWS || header + footer >= rows.length) continue;
      const gutter = findGutter(rows.slice(header, rows.length - footer).flat());
      if (gutter)
        return [
          rows.slice(0, header).flat(),
          gutter.left,
          gutter.right,
          rows.slice(rows.length - footer).flat(),
        ];
    }
  }
  return null;
}

/** The region cut at its widest blank horizontal band, or null when no band is wider than line spacing. */
function splitBands(rows: readonly Segment[][]): Segment[][] | null {
  const gaps = rows.slice(1).map((row, index) => extent(rows[index] ?? []).bottom - extent(row).top);
  const widest = Math.max(0, ...gaps);
  if (widest <= BAND_GAP * median(rows.flat().map((segment) => segment.size))) return null;
  // Every gap about as wide as the widest cuts at once: evenly spaced blocks are split in one step.
  const bands: Segment[][] = [[]];
  rows.forEach((row, index) => {
    if (index > 0 && (gaps[index - 1] ?? 0) >= WIDEST_GAP_SHARE * widest) bands.push([]);
    bands[bands.length - 1]?.push(...row);
  });
  return bands;
}

/** Blocks of lines in reading order; each block is a column or a band of the page. */
function readRegion(segments: readonly Segment[], budget: { regions: number }): string[][] {
  if (segments.length === 0) return [];
  const rows = rowsOf(segments);
  budget.regions -= 1;
  const parts = budget.regions > 0 ? (splitColumns(rows) ?? splitBands(rows)) : null;
  if (!parts) return [rows.map((row) => row.map(segmentText).join('\t'))];
  return parts.flatMap((part) => readRegion(part, budget));
}

/**
 * The lines of one page in reading order. Segments of one line that are far apart (a title and its
 * date) are separated by a tab; an empty line separates columns and bands.
 */
export function pageLines(runs: readonly TextRun[]): string[] {
  const segments = segmentsOf(runs.filter((run) => run.text.trim() !== ''));
  // Past these sizes no CV is being read: the page is read row by row, in bounded time.
  const budget = { regions: segments.length > MAX_LAYOUT_SEGMENTS ? 1 : MAX_REGIONS };
  const blocks = readRegion(segments, budget);
  return blocks.flatMap((block, index) => (index === 0 ? block : ['', ...block]));
}

/** Lines at the top or bottom of a page that can be a running header or footer. */
const RUNNING_LINE_DEPTH = 2;

/** A line with its page number blanked out; years and dates stay, so two entries' dates never match. */
function runningKey(line: string): string {
  return line
    .replace(/(?<!\d)\d{1,3}(?!\d)/g, '#')
    .replace(/\s+/g, ' ')
    .trim();
}

function edgeIndexes(lines: readonly string[]): number[] {
  const filled = lines.flatMap((line, index) => (line.trim() === '' ? [] : [index]));
  return [...new Set([...filled.slice(0, RUNNING_LINE_DEPTH), ...filled.slice(-RUNNING_LINE_DEPTH)])];
}

/**
 * Pages without their running headers and footers: a line at the top or bottom of a page that recurs,
 * page numbers aside, at the edge of another page ("February 10, 2026 · Jane Doe · Résumé · 2").
 */
export function withoutRunningLines(pages: readonly (readonly string[])[]): string[][] {
  const pagesWithKey = new Map<string, number>();
  for (const lines of pages) {
    for (const key of new Set(edgeIndexes(lines).map((index) => runningKey(lines[index] ?? '')))) {
      pagesWithKey.set(key, (pagesWithKey.get(key) ?? 0) + 1);
    }
  }
  return pages.map((lines) => {
    const running = new Set(
      edgeIndexes(lines).filter((index) => (pagesWithKey.get(runningKey(lines[index] ?? '')) ?? 0) >= 2),
    );
    return lines.filter((_, index) => !running.has(index));
  });
}
