FROM debian:12-slim
RUN apt-get update && apt-get install -y --no-install-recommends openssh-client git
EXPOSE 8080 2222
USER app
