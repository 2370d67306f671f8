import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentUser, Public } from '../auth/decorators.js';
import { AuthPayload } from '../auth/dto/auth.inputs.js';
import { SessionCookie } from '../auth/session-cookie.js';
import type { Viewer } from '../auth/viewer.js';
import type { GraphQLContext } from '../infra/graphql/graphql.module.js';
import { UserModel } from '../users/models/user.model.js';
import type { AccountUser } from './account-user.js';
import {
  ChangeEmailInput,
  ChangePasswordInput,
  RequestPasswordResetArgs,
  ResetPasswordInput,
  TokenArgs,
} from './dto/account.inputs.js';
import { EmailChangeService } from './email-change.service.js';
import { EmailVerificationService } from './email-verification.service.js';
import { PasswordService } from './password.service.js';

/** Verification, password reset and change, change of address. */
@Resolver()
export class AccountResolver {
  constructor(
    private readonly verification: EmailVerificationService,
    private readonly passwords: PasswordService,
    private readonly emailChange: EmailChangeService,
    private readonly cookie: SessionCookie,
  ) {}

  @Public()
  @Mutation(() => UserModel, { description: 'Follows the link mailed to verify an address.' })
  verifyEmail(@Args() { token }: TokenArgs): Promise<AccountUser> {
    return this.verification.verify(token);
  }

  @Mutation(() => Boolean, {
    description:
      'Mails a new verification link (earlier ones stop working); false when the address is verified already.',
  })
  resendVerification(@CurrentUser() viewer: Viewer): Promise<boolean> {
    return this.verification.resend(viewer);
  }

  @Public()
  @Mutation(() => Boolean, {
    description:
      'Mails a reset link if an account has this address. Always true: the answer says nothing about accounts.',
  })
  requestPasswordReset(
    @Args() { email }: RequestPasswordResetArgs,
    @Context() context: GraphQLContext,
  ): Promise<boolean> {
    return this.passwords.requestReset(email, context.req.ip);
  }

  @Public()
  @Mutation(() => AuthPayload, {
    description: 'Sets a new password with the mailed link, ends every other session and signs in.',
  })
  async resetPassword(
    @Args('input') input: ResetPasswordInput,
    @Context() context: GraphQLContext,
  ): Promise<AuthPayload> {
    return this.withCookie(context, await this.passwords.reset(input));
  }

  @Mutation(() => AuthPayload, { description: 'Changes the password; every other session ends.' })
  async changePassword(
    @Args('input') input: ChangePasswordInput,
    @CurrentUser() viewer: Viewer,
    @Context() context: GraphQLContext,
  ): Promise<AuthPayload> {
    return this.withCookie(context, await this.passwords.change(viewer, input));
  }

  @Mutation(() => Boolean, {
    description:
      'Mails a confirmation link to the new address (and a notice to the old one); nothing changes until it is followed.',
  })
  changeEmail(@Args('input') input: ChangeEmailInput, @CurrentUser() viewer: Viewer): Promise<boolean> {
    return this.emailChange.request(viewer, input);
  }

  @Public()
  @Mutation(() => UserModel, {
    description: 'Follows the link mailed to a new address: the account takes it, verified.',
  })
  confirmEmailChange(@Args() { token }: TokenArgs): Promise<AccountUser> {
    return this.emailChange.confirm(token);
  }

  /** A new sign-in also sets the browser's refresh cookie (auth/session-cookie.ts). */
  private withCookie(context: GraphQLContext, payload: AuthPayload): AuthPayload {
    this.cookie.set(context.reply, payload.refreshToken);
    return payload;
  }
}
