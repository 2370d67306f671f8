import { Module } from '@nestjs/common';
import { SiteResolver } from './site.resolver.js';
import { SiteService } from './site.service.js';

/** Publishers' sites that embed Marginalia: their origins, SSO secret and article defaults. */
@Module({ providers: [SiteService, SiteResolver], exports: [SiteService] })
export class SiteModule {}
