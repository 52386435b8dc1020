# Root in a build stage does not reach the image: only the final stage's user counts.
FROM golang:1.22 AS build
USER root
WORKDIR /src
COPY . .
RUN go build -o /out/server ./cmd/server

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/server /server
USER 65532:65532
ENTRYPOINT ["/server"]
