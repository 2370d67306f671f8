import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { EmailPreference, NotificationKind } from '../../generated/prisma/enums.js';

registerEnumType(EmailPreference, {
  name: 'EmailPreference',
  description: 'OFF: no mail; IMMEDIATE: one message each; DAILY_DIGEST: one message a day with everything.',
});

@ObjectType('NotificationPreference')
export class NotificationPreferenceModel {
  @Field(() => NotificationKind) kind: NotificationKind;
  @Field(() => Boolean, { description: 'Listed in the notifications menu.' }) inApp: boolean;
  @Field(() => EmailPreference) email: EmailPreference;
}

@ObjectType('NotificationSettings')
export class NotificationSettingsModel {
  @Field(() => [NotificationPreferenceModel], {
    description: 'Every kind that applies to you, with the defaults where you saved nothing.',
  })
  preferences: NotificationPreferenceModel[];
  @Field(() => String, { description: 'IANA time zone name; the daily digest goes out in its morning.' })
  timeZone: string;
}
