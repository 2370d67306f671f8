import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { Stance } from '../models/discussion-enums.js';
import {
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

/** Longest comment body accepted, in characters. */
export const MAX_BODY = 5000;
/** The message of a stance that is not one of the four. */
export const STANCE_MESSAGE = `stance must be one of ${Object.keys(Stance).join(', ')}`;

/** Longest passage a thread may be anchored on, in characters. */
export const MAX_QUOTE = 2000;

@InputType()
export class SelectorInput {
  @Field(() => Int)
  @IsInt()
  @Min(0)
  start: number;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  end: number;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_QUOTE, { message: `exact must be at most ${MAX_QUOTE} characters` })
  exact: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  prefix?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  suffix?: string;
}

@InputType()
export class CreateThreadInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'articleId must be an id' })
  articleId: string;

  @Field(() => SelectorInput, { nullable: true, description: 'The passage; omit for a page-level thread.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => SelectorInput)
  selector?: SelectorInput;

  @Field()
  @IsString()
  @MaxLength(MAX_BODY, { message: `body must be at most ${MAX_BODY} characters` })
  body: string;

  @Field(() => Stance, { nullable: true, description: 'Toward the passage (none for no stance).' })
  @IsOptional()
  @IsEnum(Stance, { message: STANCE_MESSAGE })
  stance?: Stance | null;
}

@InputType()
export class ReplyInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'parentId must be an id' })
  parentId: string;

  @Field()
  @IsString()
  @MaxLength(MAX_BODY, { message: `body must be at most ${MAX_BODY} characters` })
  body: string;

  @Field(() => Stance, { nullable: true, description: 'Toward the comment replied to (none for no stance).' })
  @IsOptional()
  @IsEnum(Stance, { message: STANCE_MESSAGE })
  stance?: Stance | null;
}
