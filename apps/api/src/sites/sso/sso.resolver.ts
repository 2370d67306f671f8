import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { Public } from '../../auth/decorators.js';
import { AuthPayload } from '../../auth/dto/auth.inputs.js';
import { SessionCookie } from '../../auth/session-cookie.js';
import type { GraphQLContext } from '../../infra/graphql/graphql.module.js';
import { SsoLoginInput } from '../dto/sso-login.input.js';
import { SsoLoginService } from './sso-login.service.js';

@Resolver()
export class SsoResolver {
  constructor(
    private readonly sso: SsoLoginService,
    private readonly cookie: SessionCookie,
  ) {}

  @Public()
  @Mutation(() => AuthPayload, {
    description:
      'Signs in a host site’s user with the token the host signed (HS256, the site’s SSO secret, exp at most an hour ahead; each token works once).',
  })
  async ssoLogin(@Args('input') input: SsoLoginInput, @Context() context: GraphQLContext): Promise<AuthPayload> {
    const { payload, viewer } = await this.sso.login(input, context.req.ip ?? 'unknown');
    // From here on the request is the new user's, as after `login`: the payload's own private
    // fields (email, status) resolve for them.
    context.req.user = viewer;
    this.cookie.set(context.reply, payload.refreshToken);
    return payload;
  }
}
