# `scratch` and a bare earlier-stage name ("base") look like untagged images but are not
# registry references: no finding.
FROM golang:1.22.5 AS base
WORKDIR /src
COPY . .

FROM base AS build
RUN CGO_ENABLED=0 go build -o /out/server ./cmd/server

FROM scratch
COPY --from=build /out/server /server
ENTRYPOINT ["/server"]
