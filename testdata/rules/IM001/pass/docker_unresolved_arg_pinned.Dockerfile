# ARGs without a default, but what is known decides: a digest written out pins the image, and
# `base-${TARGETARCH}` names one of the earlier stages, not an image.
ARG VERSION
FROM golang:${VERSION}@sha256:ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb AS base-amd64
FROM golang:${VERSION}@sha256:3e23e8160039594a33894f6564e1b1348bbd7a0088d42c4acb73eeaed59c009d AS base-arm64

FROM base-${TARGETARCH} AS build
RUN go build -o /out/app ./cmd/app
