# The registry is a build argument without a default, the tag is known: `latest` (or none)
# whatever the registry is.
ARG REGISTRY
# expect: IM002
FROM ${REGISTRY}/base:latest AS base
RUN apk add --no-cache ca-certificates

# expect: IM002
FROM $REGISTRY/runtime
COPY --from=base /etc/ssl/certs /etc/ssl/certs
