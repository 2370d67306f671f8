import { Injectable } from '@nestjs/common';
import type { Viewer } from '../auth/viewer.js';
import { forbidden, notFound } from '../infra/errors/domain-error.js';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import type { AddUserNoteInput } from './dto/user-note.inputs.js';
import { LATEST_NOTES } from './models/moderated-user.model.js';
import { toUserNote, USER_NOTE_SELECT, type UserNoteModel } from './models/user-note.model.js';

/** Most notes listed on a user (newest first). */
export const MAX_NOTES_LISTED = 200;

/** Moderators' private notes on users: written and read by staff, deleted by their author only. */
@Injectable()
export class UserNotes {
  constructor(private readonly prisma: PrismaService) {}

  async list(userId: string): Promise<UserNoteModel[]> {
    const rows = await this.prisma.userNote.findMany({
      where: { userId },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: MAX_NOTES_LISTED,
      select: USER_NOTE_SELECT,
    });
    return rows.map(toUserNote);
  }

  /** The latest notes, as carried on a user's card. */
  async latest(userId: string): Promise<UserNoteModel[]> {
    const rows = await this.prisma.userNote.findMany({ where: { userId }, ...LATEST_NOTES });
    return rows.map(toUserNote);
  }

  async add(input: AddUserNoteInput, viewer: Viewer): Promise<UserNoteModel> {
    const user = await this.prisma.user.findUnique({ where: { id: input.userId }, select: { id: true } });
    if (!user) throw notFound('User', 'userId');
    const row = await this.prisma.userNote.create({
      data: { userId: user.id, authorId: viewer.id, body: input.body.trim() },
      select: USER_NOTE_SELECT,
    });
    return toUserNote(row);
  }

  /** Deletes the viewer's own note; returns its id. */
  async delete(noteId: string, viewer: Viewer): Promise<string> {
    const note = await this.prisma.userNote.findUnique({ where: { id: noteId }, select: { authorId: true } });
    if (!note) throw notFound('Note', 'noteId');
    if (note.authorId !== viewer.id) throw forbidden('Only its author can delete a note');
    await this.prisma.userNote.delete({ where: { id: noteId } });
    return noteId;
  }
}
