FROM debian:12
# expect: IM005
RUN <<EOT bash
apt-get update
apt-get install -y openssh-server
EOT
USER app
