# The Dockerfile remediation from the rule's metadata: tag kept for readers, digest pinned.
# the digest of the tag you reviewed (this one is an example)
FROM python:3.12-slim@sha256:3e23e8160039594a33894f6564e1b1348bbd7a0088d42c4acb73eeaed59c009d
WORKDIR /app
COPY . .
CMD ["python", "-m", "app"]
