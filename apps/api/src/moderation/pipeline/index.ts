// Public API of the pure moderation pipeline (no database, Nest or Redis).
export { PHASES, runPipeline } from './pipeline.js';
export { noMoreLenientThan, type StandingDecision } from './standing.js';
export {
  DEFAULT_MODERATION_SETTINGS,
  SettingsError,
  validateModerationSettings,
  type HistorySettings,
  type ModerationSettings,
  type SpamSettings,
  type ToxicityAction,
  type ToxicitySettings,
} from './settings.js';
export {
  MODERATION_REASONS,
  MODERATION_STATUSES,
  type ModerationDecision,
  type ModerationReason,
  type ModerationStatus,
  type Phase,
  type PhaseContext,
  type PipelineContext,
  type PipelineResult,
  type PipelineScores,
  type UserRole,
  type UserStatus,
} from './types.js';
export { approve } from './phases/approve.js';
export { authorHistory } from './phases/author-history.js';
export { authorStatus } from './phases/author-status.js';
export { bannedWords } from './phases/banned-words.js';
export { bodyLength } from './phases/body-length.js';
export { links } from './phases/links.js';
export { newCommenter } from './phases/new-commenter.js';
export { premod } from './phases/premod.js';
export { repeatPost } from './phases/repeat-post.js';
export { spam } from './phases/spam.js';
export { suspectWords } from './phases/suspect-words.js';
export { toxicity } from './phases/toxicity.js';
export { userPremod } from './phases/user-premod.js';
