# A heredoc the shell runs is a script like any other RUN: its lines are read as commands.
FROM alpine:3.20
# expect: IM008
RUN <<EOT
set -eu
curl -fsSL https://get.example.com | sh
EOT
# expect: IM008
RUN bash -e <<'SCRIPT'
wget -qO- https://example.com/install.sh \
  | bash
SCRIPT
USER app
