# syntax=docker/dockerfile:1
#
# seloste as a container image, in two variants:
#
#   docker build -t seloste .                 # the CLI on Debian slim (has a shell, for CI runners)
#   docker build -t seloste:pdf --target pdf .  # the same plus Chromium and fonts, for `--pdf`
#
#   docker run --rm -v "$PWD:/work" seloste check
#   docker run --rm -v "$PWD:/work" seloste:pdf build --pdf
#
# The binary is built once, in the first stage, from the locked dependencies.

ARG RUST_VERSION=1.89
ARG DEBIAN=bookworm

FROM rust:${RUST_VERSION}-slim-${DEBIAN} AS build
WORKDIR /src
# Only what the published crate holds (see `include` in Cargo.toml).
COPY Cargo.toml Cargo.lock build.rs README.md LICENSE-MIT LICENSE-APACHE ./
COPY src src
COPY templates templates
COPY locales locales
COPY schema schema
RUN cargo build --profile dist --locked \
 && install -m 0755 target/dist/seloste /usr/local/bin/seloste \
 && seloste --version

FROM debian:${DEBIAN}-slim AS base
# git: `check --since` and `diff --rev` read earlier revisions with it.
RUN apt-get update \
 && apt-get install -y --no-install-recommends git ca-certificates \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /usr/local/bin/seloste /usr/local/bin/seloste
# Runs as an ordinary user; mount the project at /work.
RUN useradd --create-home --uid 10001 --user-group seloste
WORKDIR /work
ENV NO_COLOR=1

# PDF output: Debian's Chromium (the default engine) and fonts with Finnish
# and Swedish letters. Versions are not pinned so that a rebuild picks up
# Debian's security updates (hadolint DL3008 is ignored for this reason in
# .hadolint.yaml; the same holds for git above).
FROM base AS pdf
RUN apt-get update \
 && apt-get install -y --no-install-recommends chromium fonts-dejavu-core fonts-liberation \
 && rm -rf /var/lib/apt/lists/*
USER 10001:10001
ENTRYPOINT ["seloste"]
CMD ["build"]

# The default target: the CLI alone.
FROM base AS seloste
USER 10001:10001
ENTRYPOINT ["seloste"]
CMD ["check"]
