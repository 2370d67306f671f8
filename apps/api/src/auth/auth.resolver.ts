import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { UseGuards } from '@nestjs/common';
import { UserModel } from '../users/models/user.model.js';
import { AuthService } from './auth.service.js';
import { CurrentUser, Public } from './decorators.js';
import { AuthPayload, LoginInput, RegisterInput } from './dto/auth.inputs.js';
import type { GraphQLContext } from '../infra/graphql/graphql.module.js';
import { LocalAuthGuard } from './local-auth.guard.js';
import { RegistrationLimitGuard } from './registration-limit.guard.js';
import { SessionCookie } from './session-cookie.js';
import type { Viewer } from './viewer.js';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly cookie: SessionCookie,
  ) {}

  @Public()
  @Query(() => UserModel, { nullable: true, description: 'The signed-in user, or null.' })
  me(@CurrentUser() viewer: Viewer | null): Promise<UserModel | null> | null {
    return viewer ? this.auth.profile(viewer.id) : null;
  }

  // Sign-ins also set the refresh cookie of browsers (see session-cookie.ts).
  @Public()
  @UseGuards(RegistrationLimitGuard)
  @Mutation(() => AuthPayload)
  async register(@Args('input') input: RegisterInput, @Context() context: GraphQLContext): Promise<AuthPayload> {
    return this.withCookie(context, await this.auth.register(input));
  }

  @Public()
  @UseGuards(LocalAuthGuard)
  @Mutation(() => AuthPayload)
  async login(
    @Args('input') _input: LoginInput,
    @CurrentUser() viewer: Viewer,
    @Context() context: GraphQLContext,
  ): Promise<AuthPayload> {
    return this.withCookie(context, await this.auth.issue(viewer.id));
  }

  @Public()
  @Mutation(() => AuthPayload, {
    description:
      'For API clients: spends a refresh token (each works once; reusing one ends its sign-in) for an access token and its successor. Browsers use POST /auth/refresh.',
  })
  refreshToken(@Args('token') token: string): Promise<AuthPayload> {
    return this.auth.refresh(token);
  }

  @Mutation(() => Boolean, { description: 'Signs out everywhere: every token issued so far stops working.' })
  async logout(@CurrentUser() viewer: Viewer, @Context() context: GraphQLContext): Promise<boolean> {
    await this.auth.logout(viewer.id);
    this.cookie.clear(context.reply);
    return true;
  }

  private withCookie(context: GraphQLContext, payload: AuthPayload): AuthPayload {
    this.cookie.set(context.reply, payload.refreshToken);
    return payload;
  }
}
