import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { APP_CONFIG } from '../infra/config/config.module.js';
import type { AppConfig } from '../infra/config/env.js';
import { RateLimiter } from '../infra/redis/rate-limiter.js';
import { AccountMailModule } from '../accounts/account-mail.module.js';
import { AuthResolver } from './auth.resolver.js';
import { AuthService } from './auth.service.js';
import { JwtStrategy } from './jwt.strategy.js';
import { LocalStrategy } from './local.strategy.js';
import { RefreshTokenService } from './refresh-token.service.js';
import { SessionCookie } from './session-cookie.js';
import { SessionController } from './session.controller.js';
import { TokenViewerService } from './token-viewer.service.js';

@Module({
  imports: [
    PassportModule,
    AccountMailModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ secret: config.JWT_SECRET, signOptions: { algorithm: 'HS256' } }),
    }),
  ],
  controllers: [SessionController],
  providers: [
    AuthService,
    RefreshTokenService,
    SessionCookie,
    AuthResolver,
    JwtStrategy,
    LocalStrategy,
    RateLimiter,
    TokenViewerService,
  ],
  exports: [AuthService, RateLimiter, JwtModule, TokenViewerService, RefreshTokenService, SessionCookie],
})
export class AuthModule {}
