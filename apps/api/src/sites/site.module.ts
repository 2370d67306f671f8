import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { SiteResolver } from './site.resolver.js';
import { SiteService } from './site.service.js';
import { SsoLoginService } from './sso/sso-login.service.js';
import { SsoResolver } from './sso/sso.resolver.js';

/** Publishers' sites that embed Marginalia: their origins, SSO (secret and sign-in) and article defaults. */
@Module({
  imports: [AuthModule],
  providers: [SiteService, SiteResolver, SsoLoginService, SsoResolver],
  exports: [SiteService],
})
export class SiteModule {}
