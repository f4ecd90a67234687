# factbotd, factbot's service, and factbot, its command line: static
# binaries on a minimal base image.
#
#   docker build -t factbot .
#   docker run --rm -p 8080:8080 -v factbot-data:/data \
#     -e FACTBOT_SLACK_ENABLED=true -e FACTBOT_SLACK_SIGNING_SECRET=… -e FACTBOT_SLACK_BOT_TOKEN=… factbot
#
# Build from a git clone (with .git in the context) so that `factbotd
# version` names the commit; from a tarball or a git worktree, whose .git
# points outside the context, add --build-arg GOFLAGS=-buildvcs=false.
# See docs/deploy.md.

FROM golang:1.26-bookworm AS build
ARG GOFLAGS=-buildvcs=auto
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
# Pure Go throughout (SQLite is modernc.org/sqlite): no C toolchain, no libc.
RUN CGO_ENABLED=0 GOFLAGS="$GOFLAGS" go build -trimpath -ldflags="-s -w" -o /out/ ./cmd/factbotd ./cmd/factbot \
 && /out/factbotd version && /out/factbot version \
 && mkdir -p /out/data

# distroless/static: CA certificates, /etc/passwd with "nonroot", no shell.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/factbotd /out/factbot /
COPY --from=build --chown=65532:65532 /out/data /data
ENV FACTBOT_STORE_PATH=/data/factbot.db \
    FACTBOT_HTTP_ADDR=:8080 \
    FACTBOT_HTTP_ADMIN_ADDR=:9090
VOLUME /data
EXPOSE 8080 9090
USER nonroot:nonroot
ENTRYPOINT ["/factbotd"]
CMD ["serve"]
