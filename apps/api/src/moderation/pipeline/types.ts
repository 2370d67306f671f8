// Core types of the moderation pipeline. Everything here is plain data so that a
// decision (and the scores that explain it) can be stored on the comment as JSON.
import type { ModerationSettings } from './settings.js';
import type { StandingDecision } from './standing.js';

/** The statuses the pipeline can decide; PENDING/DELETED are set elsewhere. */
export const MODERATION_STATUSES = ['PUBLISHED', 'HELD', 'REJECTED'] as const;
export type ModerationStatus = (typeof MODERATION_STATUSES)[number];

/**
 * Why the pipeline decided what it did. Stored in `Comment.statusReason`, so the
 * codes are part of the data model: add new ones, never rename existing ones.
 */
export const MODERATION_REASONS = [
  'BODY_TOO_SHORT',
  'BODY_TOO_LONG',
  'AUTHOR_BANNED',
  'AUTHOR_SUSPENDED',
  'BANNED_WORD',
  'SUSPECT_WORD',
  'TOO_MANY_LINKS',
  'LINK_BLOCKED',
  'LINK_NOT_ALLOWED',
  'REPEAT_POST',
  'SPAM',
  'TOXIC',
  'AUTHOR_HISTORY',
  'NEW_COMMENTER',
  'USER_PREMOD',
  'PREMOD',
  'APPROVED_BY_PIPELINE',
  // An edited comment keeps the standing decision of a person or of the flags (standing.ts).
  'HELD_BY_MODERATOR',
  'REJECTED_BY_MODERATOR',
  'FLAGGED',
] as const;
export type ModerationReason = (typeof MODERATION_REASONS)[number];

export interface ModerationDecision {
  status: ModerationStatus;
  reason: ModerationReason;
  /** Human-readable specifics for moderators (the matched word, the domain...). */
  detail?: string;
}

/**
 * Evidence gathered by phases, recorded on the comment (`moderationScores`) even
 * when no phase decided on it, so moderators can see why something looked odd.
 * Each phase owns one key and only sets it when it found something.
 */
export interface PipelineScores {
  bannedWords?: string[];
  suspectWords?: string[];
  links?: { count: number; domains: string[] };
  /** Highest similarity to one of the author's recent comments (0..1). */
  repeat?: { similarity: number };
  spam?: { score: number; signals: string[] };
  toxicity?: { terms: string[] };
  history?: { total: number; rejected: number; rejectionRate: number };
}

export type UserStatus = 'ACTIVE' | 'SUSPENDED' | 'BANNED';
export type UserRole = 'READER' | 'MODERATOR' | 'ADMIN';

export interface PipelineContext {
  comment: {
    /** Markdown source as typed by the author. */
    body: string;
    isEdit: boolean;
    /** For an edit: the decision of a moderator or of the flags it stood under (never relaxed). */
    standing?: StandingDecision | null;
  };
  author: {
    id: string;
    status: UserStatus;
    /** Per-user pre-moderation flag set by a moderator. */
    premod: boolean;
    role: UserRole;
    /** Lifetime counts. */
    publishedCount: number;
    rejectedCount: number;
    /** Counts over `settings.history.windowDays`, computed by the caller. */
    recentTotal: number;
    recentRejected: number;
    /** Bodies of the author's comments from the last `settings.repeatWindowMinutes`, newest first. */
    recentBodies: string[];
  };
  article: { premod: boolean };
  settings: ModerationSettings;
}

/** What a phase sees: the input plus the per-run score accumulator. */
export interface PhaseContext extends PipelineContext {
  readonly scores: PipelineScores;
}

/**
 * A phase inspects the context and either decides (returns a decision, which
 * ends the pipeline) or passes (returns undefined). Phases must be synchronous
 * and must not mutate anything except their own key of `ctx.scores`.
 */
export type Phase = (ctx: PhaseContext) => ModerationDecision | undefined;

export interface PipelineResult extends ModerationDecision {
  scores: PipelineScores;
}
