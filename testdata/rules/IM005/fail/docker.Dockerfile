FROM debian:12-slim
RUN apt-get update && apt-get install -y --no-install-recommends openssh-server openssh-client # expect: IM005
EXPOSE 22 # expect: IM005
FROM alpine:3.20
RUN apk add --no-cache openssh dropbear # expect: IM005
EXPOSE 8080 22/tcp # expect: IM005
USER app
