# The tag comes from an ARG without a default: only known at build time, so no finding.
ARG ALPINE_TAG
FROM alpine:${ALPINE_TAG}
RUN apk add --no-cache ca-certificates
