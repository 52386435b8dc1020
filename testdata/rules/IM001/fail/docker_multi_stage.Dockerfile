# Every stage FROM a registry image is checked, build stages included; the stage built on
# an earlier stage ("test") is not an image reference, and the pinned one is quiet.
# expect: IM001
FROM --platform=$BUILDPLATFORM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN go build -o /out/server ./cmd/server

FROM build AS test
RUN go test ./...

FROM alpine:3.20@sha256:ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb AS certs
RUN apk add --no-cache ca-certificates

# expect: IM001
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=certs /etc/ssl/certs /etc/ssl/certs
COPY --from=build /out/server /server
ENTRYPOINT ["/server"]
