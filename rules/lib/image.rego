# Helpers for container image references (`[registry[:port]/]repository[:tag][@digest]`),
# shared by the Kubernetes and Dockerfile rules so both read a reference the same way.
package tenet.lib.image

import rego.v1

# A reference that can be judged statically: a non-empty string with no template or variable
# left in it (Helm `{{ }}`, envsubst `${VAR}`, Kubernetes `$(VAR)`, a bare `$VAR`).
known(ref) if {
	is_string(ref)
	trim_space(ref) != ""
	not contains(ref, "{{")
	not contains(ref, "$")
}

# True when the tag and digest of `ref` can be judged: its last path component (where they
# live) holds no template or variable. `registry.example.com/$PROJECT/app:latest` is judged
# (its tag is known to be `latest`); `app:$TAG` is not.
judged(ref) if {
	is_string(ref)
	trim_space(ref) != ""
	components := split(ref, "/")
	last := components[count(components) - 1]
	not contains(last, "{{")
	not contains(last, "}}")
	not contains(last, "$")
}

# The digest after `@` ("" when there is none).
digest(ref) := parts[1] if {
	parts := split(ref, "@")
	count(parts) > 1
}

digest(ref) := "" if not contains(ref, "@")

# True when the reference names content by digest (`@sha256:` or the OCI `@sha512:`).
pinned(ref) if startswith(digest(ref), "sha256:")

pinned(ref) if startswith(digest(ref), "sha512:")

# The tag, when the reference has one: the text after `:` in the last path component (a `:`
# earlier belongs to a registry port, as in `localhost:5000/app`). Undefined without a tag.
tag(ref) := t if {
	name := split(ref, "@")[0]
	components := split(name, "/")
	last := components[count(components) - 1]
	contains(last, ":")
	t := split(last, ":")[1]
}

# Why the reference can move to other content without a change to the file: no digest and
# either no tag (the runtime pulls `latest`) or the tag `latest`. Undefined otherwise.
mutable_reason(ref) := "has no tag, so `latest` is pulled" if {
	not pinned(ref)
	not tag(ref)
}

mutable_reason(ref) := "uses the tag `latest`" if {
	not pinned(ref)
	tag(ref) == "latest"
}

# For undecided checks of references that cannot be judged. True when what is known of `ref`
# leaves open that it has no digest and either no tag or `latest`: it is not pinned and does
# not end in a written tag other than `latest`. `${IMAGE}:1.4.2` cannot be mutable (its tag
# is known), `app:${TAG}` and `{{ .Values.image }}` can. Same as `mutable_reason` being
# defined for a reference that can be judged.
may_be_mutable(ref) if {
	is_string(ref)
	trim_space(ref) != ""
	not pinned(ref)
	not literal_release_tag(ref)
}

# The last path component of the name ends in `:<tag>`, written out (no template or variable
# in it) and other than `latest`.
literal_release_tag(ref) if {
	components := split(split(ref, "@")[0], "/")
	last := components[count(components) - 1]
	parts := split(last, ":")
	count(parts) > 1
	written := parts[count(parts) - 1]
	regex.match(`^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$`, written)
	written != "latest"
}
