# The tag comes from an ARG whose default is `latest`: judged after substitution.
ARG ALPINE_TAG=latest
# expect: IM002
FROM alpine:${ALPINE_TAG}
RUN apk add --no-cache ca-certificates
