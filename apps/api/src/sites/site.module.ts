import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { EmbedResolver } from './embed/embed.resolver.js';
import { EmbedService } from './embed/embed.service.js';
import { SiteOriginsModule } from './site-origins.js';
import { SiteResolver } from './site.resolver.js';
import { SiteService } from './site.service.js';
import { SsoLoginService } from './sso/sso-login.service.js';
import { SsoResolver } from './sso/sso.resolver.js';

/** Publishers' sites that embed Marginalia: their origins, SSO (secret and sign-in), article defaults and the embed's article lookup. */
@Module({
  imports: [AuthModule, SiteOriginsModule],
  providers: [SiteService, SiteResolver, SsoLoginService, SsoResolver, EmbedService, EmbedResolver],
  exports: [SiteService],
})
export class SiteModule {}
