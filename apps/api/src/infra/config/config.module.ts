import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AppConfig, loadConfig } from './env.js';

export const APP_CONFIG = Symbol('APP_CONFIG');

/**
 * @nestjs/config reads `.env` (when present) and validates the environment at boot;
 * APP_CONFIG exposes the validated, typed result to the rest of the application.
 */
@Global()
@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, cache: true, envFilePath: ['.env', '../../.env'], validate: loadConfig }),
  ],
  providers: [{ provide: APP_CONFIG, useFactory: (): AppConfig => loadConfig(process.env) }],
  exports: [APP_CONFIG],
})
export class AppConfigModule {}
