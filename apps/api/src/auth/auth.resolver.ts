import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { UseGuards } from '@nestjs/common';
import { UserModel } from '../users/models/user.model.js';
import { AuthService } from './auth.service.js';
import { CurrentUser, Public } from './decorators.js';
import { AuthPayload, LoginInput, RegisterInput } from './dto/auth.inputs.js';
import { LocalAuthGuard } from './local-auth.guard.js';
import { RegistrationLimitGuard } from './registration-limit.guard.js';
import type { Viewer } from './viewer.js';

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Query(() => UserModel, { nullable: true, description: 'The signed-in user, or null.' })
  me(@CurrentUser() viewer: Viewer | null): Promise<UserModel | null> | null {
    return viewer ? this.auth.profile(viewer.id) : null;
  }

  @Public()
  @UseGuards(RegistrationLimitGuard)
  @Mutation(() => AuthPayload)
  register(@Args('input') input: RegisterInput): Promise<AuthPayload> {
    return this.auth.register(input);
  }

  @Public()
  @UseGuards(LocalAuthGuard)
  @Mutation(() => AuthPayload)
  login(@Args('input') _input: LoginInput, @CurrentUser() viewer: Viewer): Promise<AuthPayload> {
    return this.auth.issue(viewer.id);
  }

  @Public()
  @Mutation(() => AuthPayload, { description: 'Exchanges a refresh token for a new pair of tokens.' })
  refreshToken(@Args('token') token: string): Promise<AuthPayload> {
    return this.auth.refresh(token);
  }

  @Mutation(() => Boolean, { description: 'Signs out everywhere: every token issued so far stops working.' })
  async logout(@CurrentUser() viewer: Viewer): Promise<boolean> {
    await this.auth.logout(viewer.id);
    return true;
  }
}
