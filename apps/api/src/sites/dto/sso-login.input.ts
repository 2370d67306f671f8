import { Field, ID, InputType } from '@nestjs/graphql';
import { IsString, IsUUID, MaxLength } from 'class-validator';
import { SSO_TOKEN_MAX_LENGTH } from '../sso/sso-token.js';

@InputType()
export class SsoLoginInput {
  @IsUUID('all', { message: 'siteId must be an id' })
  @Field(() => ID)
  siteId: string;

  @IsString()
  @MaxLength(SSO_TOKEN_MAX_LENGTH, { message: `token must be at most ${SSO_TOKEN_MAX_LENGTH} characters` })
  @Field(() => String, { description: 'The JWT the host signed (HS256) with the site’s SSO secret.' })
  token: string;
}
