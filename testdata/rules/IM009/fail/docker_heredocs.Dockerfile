FROM debian:12
# expect: IM009
RUN <<EOT
apt-get update
apt-get -y upgrade
EOT
USER app
