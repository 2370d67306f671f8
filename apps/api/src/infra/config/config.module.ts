import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AppConfig, loadConfig } from './env.js';

export const APP_CONFIG = Symbol('APP_CONFIG');

/**
 * @nestjs/config reads `.env` (when present) into the environment; APP_CONFIG validates it
 * and exposes the typed result to the rest of the application. The validation is not
 * `forRoot`'s: that runs when this file is imported, before the CLI can set its defaults
 * (DEMO_MODE for `start`, a random JWT_SECRET for maintenance commands), and failed them.
 */
@Global()
@Module({
  imports: [ConfigModule.forRoot({ isGlobal: true, cache: true, envFilePath: ['.env', '../../.env'] })],
  providers: [{ provide: APP_CONFIG, useFactory: (): AppConfig => loadConfig(process.env) }],
  exports: [APP_CONFIG],
})
export class AppConfigModule {}
