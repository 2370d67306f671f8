import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsEnum, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { EmailPreference, NotificationKind } from '../../generated/prisma/enums.js';

@InputType()
export class NotificationPreferenceInput {
  @IsEnum(NotificationKind)
  @Field(() => NotificationKind)
  kind: NotificationKind;

  @IsBoolean()
  @Field(() => Boolean)
  inApp: boolean;

  @IsEnum(EmailPreference)
  @Field(() => EmailPreference)
  email: EmailPreference;
}

@InputType()
export class UpdateNotificationPreferencesInput {
  @ArrayMaxSize(Object.keys(NotificationKind).length, { message: 'one preference per kind at most' })
  @ValidateNested({ each: true })
  @Type(() => NotificationPreferenceInput)
  @Field(() => [NotificationPreferenceInput], { description: 'Kinds left out keep their preference.' })
  preferences: NotificationPreferenceInput[];

  @IsOptional()
  @IsString()
  @MaxLength(64, { message: 'timeZone must be at most 64 characters' })
  @Field(() => String, { nullable: true, description: 'IANA time zone name, e.g. Europe/Paris.' })
  timeZone?: string | null;
}
