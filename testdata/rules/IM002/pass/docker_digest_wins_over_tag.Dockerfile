# With a digest the content is fixed, even when the tag says latest or there is no tag.
FROM alpine:latest@sha256:ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb AS certs
RUN apk add --no-cache ca-certificates

FROM debian@sha256:2e7d2c03a9507ae265ecf5b5356885a53393a2029d241394997265a1a25aefc6
COPY --from=certs /etc/ssl/certs /etc/ssl/certs
