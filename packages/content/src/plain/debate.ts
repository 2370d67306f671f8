import { SPEAKER_MARKER, isHeadingLike, isLinkPlaceholder } from './patterns.js';
import type { Unit } from './units.js';

export interface DebateLayout {
  units: Unit[];
  /** Index (in `units`) of the last turn; summary sections follow it. */
  lastTurn: number;
  warnings: string[];
}

const MIN_MARKERS = 4;

function isMarker(unit: Unit | undefined): boolean {
  return unit !== undefined && SPEAKER_MARKER.test(unit.text);
}

/**
 * Debate layout: lone capital-letter lines (`L`, `C`) announce whose turn follows. Detected
 * when there are enough markers, few distinct labels, and each marker is followed by text.
 */
export function detectDebate(units: readonly Unit[]): boolean {
  const markers = units.filter((unit) => isMarker(unit));
  const labels = new Set(markers.map((unit) => unit.text));
  if (markers.length < MIN_MARKERS || labels.size < 2 || labels.size > 3) return false;
  const followedByText = units.filter((unit, i) => isMarker(unit) && units[i + 1] && !isMarker(units[i + 1]));
  return followedByText.length >= markers.length * 0.8;
}

/** The speaker who opens most topic sections (a run of turns after a heading), if clear. */
function majorityOpener(
  units: readonly Unit[],
): { speaker: string; firstRunOpener: string; firstTurn: number } | undefined {
  const openers: { speaker: string; index: number }[] = [];
  units.forEach((unit, i) => {
    if (unit.speaker !== undefined && units[i - 1]?.speaker === undefined)
      openers.push({ speaker: unit.speaker, index: i });
  });
  const [first, ...rest] = openers;
  if (!first || rest.length < 2) return undefined;
  const counts = new Map<string, number>();
  for (const opener of rest) counts.set(opener.speaker, (counts.get(opener.speaker) ?? 0) + 1);
  const [speaker, count] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  if (count <= rest.length / 2) return undefined;
  return { speaker, firstRunOpener: first.speaker, firstTurn: first.index };
}

/**
 * Assigns each marker's following text to that speaker (several paragraphs until the next
 * marker or heading) and drops the marker lines.
 *
 * The first exchange of such exports usually starts without a marker: the opening
 * statement sits right after the introduction. When every other topic opens with the same
 * side and the first marked turn is the other side, the paragraph just before that first
 * marker is that unmarked opening turn.
 */
export function applyDebateLayout(units: readonly Unit[]): DebateLayout {
  const out: Unit[] = [];
  const warnings: string[] = [];
  let speaker: string | undefined;
  let expectTurn = false;
  const markerBefore = new Set<number>();
  for (const unit of units) {
    if (isMarker(unit)) {
      speaker = unit.text;
      expectTurn = true;
      markerBefore.add(out.length);
      continue;
    }
    const continuesTurn = speaker !== undefined && !isHeadingLike(unit.text) && !isLinkPlaceholder(unit.text);
    if (speaker !== undefined && (expectTurn || continuesTurn)) {
      out.push({ ...unit, speaker });
    } else {
      speaker = undefined;
      out.push({ ...unit });
    }
    expectTurn = false;
  }

  const opener = majorityOpener(out);
  if (opener && opener.firstRunOpener !== opener.speaker) {
    const candidate = out[opener.firstTurn - 1];
    // Keep at least one unit of introduction, and never claim a heading as a turn.
    if (
      candidate &&
      opener.firstTurn - 1 >= 1 &&
      !markerBefore.has(opener.firstTurn - 1) &&
      !isHeadingLike(candidate.text)
    ) {
      candidate.speaker = opener.speaker;
      warnings.push(
        `Inferred speaker "${opener.speaker}" for the unmarked opening turn ("${candidate.text.slice(0, 40)}…"): every other topic opens with "${opener.speaker}".`,
      );
    }
  }
  let lastTurn = -1;
  out.forEach((unit, i) => {
    if (unit.speaker !== undefined) lastTurn = i;
  });
  return { units: out, lastTurn, warnings };
}
