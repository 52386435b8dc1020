# The build stage switches to a user, but USER does not carry over to a stage built FROM
# another image: the final stage has no USER and fires on its FROM line.
FROM golang:1.22 AS build
RUN useradd --uid 10001 builder
USER builder
WORKDIR /src
COPY . .
RUN go build -o /out/server ./cmd/server

# expect: LP013
FROM debian:bookworm-slim
COPY --from=build /out/server /usr/local/bin/server
ENTRYPOINT ["/usr/local/bin/server"]
