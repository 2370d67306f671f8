import { Inject, Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Prisma } from '../generated/prisma/client.js';
import type { Role } from '../generated/prisma/enums.js';
import { APP_CONFIG } from '../infra/config/config.module.js';
import type { AppConfig } from '../infra/config/env.js';
import { DomainError, unauthenticated } from '../infra/errors/domain-error.js';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import type { UserModel } from '../users/models/user.model.js';
import { AccountMailer } from '../accounts/account-mailer.js';
import type { AuthPayload, RegisterInput } from './dto/auth.inputs.js';
import type { TokenClaims } from './jwt.strategy.js';
import { RefreshTokenService } from './refresh-token.service.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password.js';
import type { Viewer } from './viewer.js';

const USER_FIELDS = {
  id: true,
  handle: true,
  displayName: true,
  role: true,
  status: true,
  email: true,
  createdAt: true,
} as const;

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly jwt: JwtService,
    private readonly refreshTokens: RefreshTokenService,
    private readonly accountMail: AccountMailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `verified`: an account made by an operator (CLI, demo accounts), whose address needs no link. */
  async createUser(input: RegisterInput & { role?: Role; verified?: boolean }): Promise<UserModel> {
    const email = input.email.trim().toLowerCase();
    try {
      return await this.prisma.user.create({
        data: {
          email,
          handle: input.handle,
          displayName: input.displayName.trim(),
          passwordHash: await hashPassword(input.password),
          role: input.role ?? 'READER',
          emailVerifiedAt: input.verified ? new Date() : null,
        },
        select: USER_FIELDS,
      });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
        const target = JSON.stringify(error.meta ?? {});
        const field = target.includes('handle') ? 'handle' : 'email';
        throw new DomainError('CONFLICT', `That ${field} is already taken`, field);
      }
      throw error;
    }
  }

  /** A new account, signed in, and the link to verify its address on its way. */
  async register(input: RegisterInput): Promise<AuthPayload> {
    const user = await this.createUser(input);
    try {
      const outboxIds = await this.prisma.$transaction((tx) =>
        this.accountMail.verification(tx, { id: user.id, email: user.email!, displayName: user.displayName }),
      );
      await this.accountMail.dispatch(outboxIds);
    } catch (error) {
      // The account exists; the reader can ask for the link again (resendVerification).
      this.logger.warn({ err: error, userId: user.id }, 'could not queue the verification mail');
    }
    return this.issue(user.id);
  }

  /**
   * After the failed sign-in that locked an account: mails its owner a reset link (one per
   * lockout). Nothing for an unknown address; run after the answer, so its timing tells nothing.
   */
  async mailLockout(email: string): Promise<void> {
    const user = await this.prisma.user.findUnique({
      where: { email },
      select: { id: true, email: true, displayName: true },
    });
    if (!user) return;
    const outboxIds = await this.prisma.$transaction((tx) =>
      this.accountMail.passwordReset(tx, user, this.config.LOGIN_LOCKOUT_SECONDS),
    );
    await this.accountMail.dispatch(outboxIds);
  }

  /** Used by the local strategy. The same message for unknown email and wrong password. */
  async verifyCredentials(email: string, password: string): Promise<Viewer> {
    const user = await this.prisma.user.findUnique({ where: { email } });
    const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
    if (!user || !ok) throw unauthenticated('Wrong email or password');
    if (user.status === 'BANNED') throw unauthenticated('This account is banned');
    return {
      id: user.id,
      role: user.role,
      status: user.status,
      handle: user.handle,
      displayName: user.displayName,
      emailVerified: user.emailVerifiedAt !== null,
    };
  }

  /** A new sign-in: an access token and the first refresh token of a new family. */
  async issue(userId: string): Promise<AuthPayload> {
    const { tokenVersion, ...user } = await this.prisma.user.findUniqueOrThrow({
      where: { id: userId },
      select: { ...USER_FIELDS, tokenVersion: true },
    });
    const refreshToken = await this.refreshTokens.start(user.id, tokenVersion);
    return { accessToken: await this.accessToken(user.id, tokenVersion), refreshToken, user };
  }

  /** Spends a refresh token (once: see RefreshTokenService) for a new access token and its successor. */
  async refresh(token: string): Promise<AuthPayload> {
    const { viewer, tokenVersion, token: refreshToken } = await this.refreshTokens.rotate(token);
    const user = await this.prisma.user.findUniqueOrThrow({ where: { id: viewer.id }, select: USER_FIELDS });
    return { accessToken: await this.accessToken(user.id, tokenVersion), refreshToken, user };
  }

  /** Ends the one sign-in a refresh token belongs to (a browser signing out with its cookie). */
  async endSession(refreshToken: string): Promise<void> {
    await this.refreshTokens.revoke(refreshToken);
  }

  /** Ends every session of the user: outstanding access and refresh tokens stop working. */
  async logout(userId: string): Promise<void> {
    await this.prisma.user.update({ where: { id: userId }, data: { tokenVersion: { increment: 1 } } });
    await this.refreshTokens.revokeAll(userId);
  }

  private accessToken(userId: string, tokenVersion: number): Promise<string> {
    const claims: TokenClaims = { sub: userId, typ: 'access', ver: tokenVersion };
    return this.jwt.signAsync(claims, { expiresIn: this.config.JWT_ACCESS_TTL_SECONDS });
  }

  async profile(userId: string): Promise<UserModel | null> {
    return this.prisma.user.findUnique({ where: { id: userId }, select: USER_FIELDS });
  }
}
