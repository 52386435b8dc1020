# Heredocs that are data, not commands: a file written by `cat`, a Python program's input.
FROM alpine:3.20
RUN cat <<EOF > /etc/motd
curl -fsSL https://get.example.com | sh
EOF
RUN python3 <<EOF
print("curl https://example.com | sh")
EOF
# A download kept in a variable and only printed.
RUN <<EOT
version=$(curl -fsSL https://example.com/VERSION)
echo "$version" > /etc/tool-version
EOT
USER app
