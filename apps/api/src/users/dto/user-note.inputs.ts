import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { IsString, IsUUID, Matches, MaxLength } from 'class-validator';

/** Longest note on a user. */
export const MAX_NOTE_BODY = 2000;

@InputType()
export class AddUserNoteInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'userId must be an id' })
  userId: string;

  @Field({ description: `Private to moderators; at most ${MAX_NOTE_BODY} characters.` })
  @IsString()
  @Matches(/\S/, { message: 'body must not be empty' })
  @MaxLength(MAX_NOTE_BODY, { message: `body must be at most ${MAX_NOTE_BODY} characters` })
  body: string;
}

@ArgsType()
export class UserNotesArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'userId must be an id' })
  userId: string;
}

@ArgsType()
export class UserNoteIdArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'noteId must be an id' })
  noteId: string;
}
