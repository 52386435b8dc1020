# Shell commands that change what an image or a server contains at build or boot time, read
# from Dockerfile `RUN` instructions and from instance user data.
package tenet.lib.shell

import rego.v1

# A download piped or substituted into a shell: `curl … | sh`, `wget -qO- … | sudo bash`,
# `bash <(curl …)`, `sh -c "$(curl …)"`; or kept in a variable and run from it (below).
downloads_and_runs(text) if regex.match(`(curl|wget)\b[^|;&\n]*\|\s*(sudo\s+(-\S+\s+)*)?(env\s+\S+\s+)*(ba|z|da|k|a)?sh\b`, unquoted(joined(text)))

downloads_and_runs(text) if regex.match(`(ba|z|da|k)?sh\s+(-\S+\s+)*<\(\s*(curl|wget)\b`, unquoted(joined(text)))

downloads_and_runs(text) if regex.match(`(ba|z|da|k)?sh\s+-c\s+["']?\$\(\s*(curl|wget)\b`, joined(text))

# A download kept in a variable and run from it: `script=$(curl …)` then `bash <(echo
# "$script")`, `sh -c "$script"` or `eval "$script"`.
downloads_and_runs(text) if {
	script := joined(text)
	some m in regex.find_all_string_submatch_n(`\b([A-Za-z_][A-Za-z0-9_]*)=["']?\$\(\s*(curl|wget)\b`, script, 10)
	name := m[1]
	regex.match(sprintf(`(\beval\s+["']?\$\{?%s\b|\b(ba|z|da|k)?sh\s+(-\S+\s+)*["']?\$\{?%s\b|<\(\s*(echo|printf\s+\S+)\s+["']?\$\{?%s\b)`, [name, name, name]), script)
}

# `text` with its line continuations (a backslash ending a line) joined, as the shell reads it.
joined(text) := regex.replace(text, `\\\r?\n`, " ")

# `text` with quoted strings emptied: `echo "curl | sh"` pipes nothing.
unquoted(text) := regex.replace(text, `"[^"]*"|'[^']*'`, "''")

# An in-place upgrade of every installed package: `apt-get upgrade`, `apt full-upgrade`,
# `yum update`/`upgrade` (without a package name), `dnf upgrade`, `apk upgrade`, `zypper up`.
upgrades_packages(text) if regex.match(`\bapt(-get)?\s+(-\S+\s+)*(upgrade|dist-upgrade|full-upgrade)\b`, joined(text))

upgrades_packages(text) if regex.match(`\b(yum|dnf|microdnf)\s+(-\S+\s+)*(update|upgrade)\s*($|[;&|\n#)]|-y\s*($|[;&|\n#)]))`, joined(text))

upgrades_packages(text) if regex.match(`\bapk\s+(-\S+\s+)*upgrade\b`, joined(text))

upgrades_packages(text) if regex.match(`\bzypper\s+(-\S+\s+)*(up|update|dup|dist-upgrade)\b`, joined(text))

# Packages installed from the distribution's repositories at boot: their versions depend on
# the day the server starts.
installs_packages(text) if regex.match(`\b(apt(-get)?|yum|dnf|apk|zypper)\s+(-\S+\s+)*(install|add)\b`, joined(text))

# cloud-init's own package directives.
installs_packages(text) if regex.match(`(?m)^\s*(package_upgrade|package_update)\s*:\s*true\b`, text)

installs_packages(text) if regex.match(`(?m)^packages\s*:`, text)
