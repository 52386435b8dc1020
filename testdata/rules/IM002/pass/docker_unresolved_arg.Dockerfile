# The tag comes from an ARG without a default: only known at build time, so no finding; the
# check is reported as undecided.
ARG ALPINE_TAG
# undecided: IM002
FROM alpine:${ALPINE_TAG}
RUN apk add --no-cache ca-certificates
