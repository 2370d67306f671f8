import { useCallback, useState } from 'react';
import { api } from '../api/client.ts';
import { errorMessage } from '../api/errors.ts';
import { plural } from '../ui/format.ts';
import {
  MODERATE_MANY_MUTATION,
  MODERATE_MUTATION,
  RESOLVE_FLAGS_MUTATION,
  SET_USER_STATUS_MUTATION,
  type ModerateInput,
  type ModerateManyResult,
  type ModerateResult,
  type ResolveFlagsResult,
} from './queries.ts';
import type { FlagReason, ModerationActionKind, ModerationItem } from './types.ts';

const PAST: Record<ModerationActionKind, string> = { APPROVE: 'Approved', REJECT: 'Rejected', HOLD: 'Held' };

interface DecisionCallbacks {
  /** One comment was decided: the queue keeps or drops it by its new queues. */
  applyDecision(item: ModerationItem): void;
  /** Many comments (or a user's) changed: reload the queue. */
  reload(): void;
  /** The selection was acted on. */
  clearSelection(): void;
}

/**
 * The console's mutations: one decision, a bulk decision and a ban. Each marks its comments
 * busy while in flight and ends with an announcement for screen readers.
 */
export function useDecisions({ applyDecision, reload, clearSelection }: DecisionCallbacks) {
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [announcement, setAnnouncement] = useState('');

  const markBusy = useCallback(
    (list: readonly string[], on: boolean) =>
      setBusy((prev) => {
        const next = new Set(prev);
        for (const id of list) {
          if (on) next.add(id);
          else next.delete(id);
        }
        return next;
      }),
    [],
  );

  const decide = useCallback(
    async (item: ModerationItem, action: ModerationActionKind, extra: Partial<ModerateInput> = {}) => {
      markBusy([item.id], true);
      try {
        const input: ModerateInput = { commentId: item.id, action, ...extra };
        const { moderateComment } = await api.request<ModerateResult>(MODERATE_MUTATION, { input });
        applyDecision(moderateComment);
        setAnnouncement(`${PAST[action]} the comment by ${item.author?.displayName ?? item.authorName}.`);
      } catch (error) {
        setAnnouncement(`Could not ${action.toLowerCase()}: ${errorMessage(error)}`);
      } finally {
        markBusy([item.id], false);
      }
    },
    [applyDecision, markBusy],
  );

  const decideMany = useCallback(
    async (commentIds: string[], action: ModerationActionKind, category?: FlagReason, reason?: string) => {
      if (commentIds.length === 0) return;
      markBusy(commentIds, true);
      try {
        const input = { commentIds, action, ...(category ? { category } : {}), ...(reason ? { reason } : {}) };
        const { moderateComments } = await api.request<ModerateManyResult>(MODERATE_MANY_MUTATION, { input });
        const done = moderateComments.filter((r) => r.ok).length;
        const failed = moderateComments.length - done;
        clearSelection();
        reload();
        setAnnouncement(
          `${PAST[action]} ${plural(done, 'comment')}.${failed > 0 ? ` ${failed} could not be changed.` : ''}`,
        );
      } catch (error) {
        setAnnouncement(`Could not ${action.toLowerCase()} the selection: ${errorMessage(error)}`);
      } finally {
        markBusy(commentIds, false);
      }
    },
    [clearSelection, reload, markBusy],
  );

  const ban = useCallback(
    async (userId: string, name: string, reason: string, rejectComments: boolean) => {
      try {
        await api.request(SET_USER_STATUS_MUTATION, { input: { userId, status: 'BANNED', reason, rejectComments } });
        setAnnouncement(`Banned ${name}.`);
        reload();
      } catch (error) {
        setAnnouncement(`Could not ban ${name}: ${errorMessage(error)}`);
      }
    },
    [reload],
  );

  /** Closes the comment's open reports without another decision. */
  const dismiss = useCallback(
    async (item: ModerationItem, reason: string) => {
      markBusy([item.id], true);
      try {
        const { resolveFlags } = await api.request<ResolveFlagsResult>(RESOLVE_FLAGS_MUTATION, {
          commentId: item.id,
          ...(reason ? { reason } : {}),
        });
        applyDecision(resolveFlags);
        setAnnouncement(`Dismissed the reports on the comment by ${item.author?.displayName ?? item.authorName}.`);
      } catch (error) {
        setAnnouncement(`Could not dismiss the reports: ${errorMessage(error)}`);
      } finally {
        markBusy([item.id], false);
      }
    },
    [applyDecision, markBusy],
  );

  return { busy, announcement, decide, decideMany, ban, dismiss };
}
