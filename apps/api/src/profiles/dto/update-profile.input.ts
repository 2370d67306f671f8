import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, Length, MaxLength } from 'class-validator';

/** Longest bio, in characters: a few sentences, not a page. */
export const MAX_BIO_LENGTH = 500;

@InputType()
export class UpdateProfileInput {
  /** The registration rule (RegisterInput.displayName): 1 to 80 characters, trimmed. */
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 80, { message: 'displayName must be 1 to 80 characters' })
  displayName?: string | null;

  /** Plain text, line breaks kept; an empty bio (or null) removes it. */
  @Field(() => String, { nullable: true, description: `Plain text, at most ${MAX_BIO_LENGTH} characters.` })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_BIO_LENGTH, { message: `bio must be at most ${MAX_BIO_LENGTH} characters` })
  bio?: string | null;
}
