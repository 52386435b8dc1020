# The Dockerfile remediation from the rule's metadata: a specific release tag.
FROM python:3.12.4-slim-bookworm
WORKDIR /app
COPY . .
CMD ["python", "-m", "app"]
