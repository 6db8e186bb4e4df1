# syntax=docker/dockerfile:1
#
# ChainAtlas GraphQL API: production image.
#
#   docker build -t chainatlas-api .
#   docker run --rm -p 4000:4000 chainatlas-api                     # embedded Grafeo, seeded from cypher/ at start
#   docker run -d --restart unless-stopped -p 4000:4000 -e NEO4J_URI=bolt://db:7687 -e NEO4J_PASSWORD=... chainatlas-api
#
# Restarts: the server exits 1 on an uncaught exception (state unknown, src/process-guard.ts) and
# V8 aborts it when the heap is exhausted; the supervisor must start it again. An image cannot set
# a restart policy: run it with `--restart unless-stopped` (docker-compose.yml does), or under an
# orchestrator that restarts it. A store outage is not a reason to restart: the server stays up,
# answers SERVICE_UNAVAILABLE and recovers by itself, and /health (liveness) stays 200.
#
# Base: Debian bookworm (glibc 2.36), never alpine. @grafeo-db/js loads a prebuilt native addon
# from a per-platform optional dependency; the linux-x64-gnu addon needs glibc >= 2.34 (so not
# bullseye either), and package-lock.json holds only that one Linux addon: build for linux/amd64
# (docker-compose.yml sets `platform: linux/amd64`). Never pass --omit=optional or --no-optional:
# the addon is an optional dependency. The runtime stage imports the package once, so an image
# built without its addon fails at build time instead of at start.
#
# Signals: CMD is exec form, so node itself is PID 1 and receives SIGTERM from `docker stop`.
# PID 1 gets no default signal handlers from the kernel, but src/main.ts installs its own for
# SIGTERM and SIGINT (close the HTTP server, stop Apollo, close the store, exit 0; forced exit
# after 10 s), so no init process is required. The server spawns no children, so nothing needs
# reaping; `docker run --init` / compose `init: true` (tini) is still welcome and changes nothing.
# Give `docker stop` more than those 10 s: `docker stop -t 15` / compose `stop_grace_period: 15s`.

# ---- build: compile TypeScript (src/ -> dist/, see tsconfig.build.json) and bundle the pages (dist/web-assets/) ----
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# ---- runtime: production dependencies, compiled code, GraphQL SDL and seed files ----
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --no-audit --no-fund \
 && node -e "import('@grafeo-db/js').catch((e) => { console.error(e.message); process.exit(1); })"
COPY --from=build /app/dist ./dist
# dist/graphql/executable-schema.js reads ../../schema/ relative to itself: /app/schema/.
COPY schema ./schema
# Seed files: the embedded engine loads them at start (CYPHER_DIR=cypher, relative to /app);
# the compose `seed` service loads them into Neo4j.
COPY cypher ./cypher
# Files stay root-owned and read-only to the server. For an on-disk embedded store
# (GRAPH_PATH) mount a volume writable by uid 1000 (node).
USER node
EXPOSE 4000
# No curl or wget in slim images: node's fetch. /health is liveness: 200 while the process serves
# (the store's state is in its body; /ready is what a load balancer should check).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/health', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--enable-source-maps", "dist/main.js"]
