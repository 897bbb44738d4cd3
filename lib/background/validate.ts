/**
 * zod schemas for every request of the protocol (lib/messages.ts). The background parses each
 * request before acting on it, so a malformed or hostile message is refused, not half-applied.
 * zod lives only in the background bundle; views send plain objects.
 */
import { z } from 'zod/mini';
import { int } from '../kendo/schemas';
import type { MessageType } from '../messages';

const empty = z.object({});
const id = z.string().check(z.minLength(1), z.maxLength(100));
const ms = z.number().check(z.gte(0), z.lte(8.64e15));
const note = z.string().check(z.maxLength(10_000));
const minutes = int().check(z.gte(1), z.lte(1440));
const issue = z.object({
  origin: z.string().check(z.maxLength(200)),
  projectId: int().check(z.gte(1)),
  key: z.string().check(z.maxLength(40)),
  title: z.optional(z.string().check(z.maxLength(2000))),
});
const issueText = z.string().check(z.maxLength(2000));
// Choices are literal lists, not z.enum or z.union: the same check without two more parsers
// in the service worker's bundle.

export const requestSchemas = {
  saveConnection: z.object({
    address: z.string().check(z.maxLength(500)),
    token: z.string().check(z.maxLength(20_000)),
  }),
  startTimer: z.object({ issue }),
  stopTimer: z.object({ timerId: z.optional(id) }),
  discardTimer: z.object({ timerId: id }),
  updateTimer: z.object({ timerId: id, note: z.optional(note), startedAt: z.optional(ms) }),
  resolveIdle: z.object({ choice: z.literal(['keep', 'discard', 'stop']) }),
  resolveIssue: z.object({ issue }),
  logTime: z.object({ issue: issueText, minutes, startedAt: z.optional(ms), note }),
  updateEntry: z.object({ entryId: int(), minutes, startedAt: ms, note }),
  deleteEntry: z.object({ entryId: int() }),
  undoDelete: z.object({ entryId: int() }),
  refreshEntries: empty,
  popupOpened: empty,
  suggestIssues: empty,
  retryOutbox: z.object({ localId: z.optional(id) }),
  fixOutbox: z.object({
    localId: id,
    minutes: z.optional(minutes),
    startedAt: z.optional(ms),
    note: z.optional(note),
    issue: z.optional(issueText),
  }),
  discardOutbox: z.object({ localId: id }),
  openOptions: empty,
  saveSettings: z.object({
    settings: z.object({
      rounding: z.object({
        mode: z.literal(['nearest', 'up', 'down']),
        step: z.literal([1, 5, 6, 10, 15, 30]),
      }),
      idle: z.object({ enabled: z.boolean(), minutes: int().check(z.gte(1), z.lte(240)) }),
      reminder: z.object({ enabled: z.boolean(), hours: z.number().check(z.gte(0.5), z.lte(24)) }),
    }),
  }),
} satisfies Record<MessageType, z.ZodMiniType>;

/** Requests a content script (a Kendo page's button) may make; everything else needs an extension page. */
export const CONTENT_SCRIPT_MESSAGES: ReadonlySet<MessageType> = new Set([
  'startTimer',
  'stopTimer',
  'resolveIssue',
  'openOptions',
]);
