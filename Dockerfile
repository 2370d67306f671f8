# syntax=docker/dockerfile:1
# One image for the API and the worker (different commands), plus a web stage for nginx.

FROM node:24-bookworm-slim AS build
WORKDIR /app
RUN corepack enable
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml tsconfig.base.json ./
COPY apps/api/package.json apps/api/prisma.config.ts apps/api/
COPY apps/web/package.json apps/web/
COPY packages/anchoring/package.json packages/anchoring/
COPY packages/content/package.json packages/content/
# The API's postinstall generates the Prisma client: it needs the schema, its config and the
# script that skips the generation when the schema is unchanged (without them the install fails).
COPY prisma/schema.prisma prisma/
COPY scripts/build-unless-unchanged.mjs scripts/
RUN pnpm install --frozen-lockfile
COPY . .
RUN pnpm run build && pnpm --filter @marginalia/api deploy --prod --legacy /out/api

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app/apps/api
COPY --from=build --chown=node:node /out/api ./
COPY --from=build --chown=node:node /app/apps/api/dist ./dist
COPY --from=build --chown=node:node /app/prisma /app/prisma
# The embed's pages (framed by publishers' sites) and embed.js are answered by the API.
ENV WEB_DIST=/app/web
COPY --from=build --chown=node:node /app/apps/web/dist /app/web
# Uploaded site histories wait here for the worker (a volume shared by api and worker).
RUN mkdir -p /var/lib/marginalia/uploads && chown node:node /var/lib/marginalia/uploads
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --retries=5 CMD node -e "fetch('http://127.0.0.1:3000/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "dist/main.js"]

FROM nginx:1.27-alpine AS web
COPY docker/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /app/apps/web/dist /usr/share/nginx/html
