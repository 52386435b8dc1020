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
# A script downloaded into a variable, then run from it.
# expect: IM008
RUN <<EOT
script=$(curl -fsSL "https://example.com/env-build.sh")
bash <(echo "$script") cleanup
EOT
USER app
