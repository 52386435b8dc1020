# The `:5000` belongs to the registry host, not to a tag: this reference has no tag.
# expect: IM002
FROM localhost:5000/team/base
COPY app /app
