# Shell commands that change what an image or a server contains at build or boot time, read
# from Dockerfile `RUN` instructions and from instance user data.
package tenet.lib.shell

import rego.v1

# A download piped or substituted into a shell: `curl … | sh`, `wget -qO- … | sudo bash`,
# `bash <(curl …)`, `sh -c "$(curl …)"`.
downloads_and_runs(text) if regex.match(`(curl|wget)\b[^|;&\n]*\|\s*(sudo\s+(-\S+\s+)*)?(env\s+\S+\s+)*(ba|z|da|k|a)?sh\b`, unquoted(text))

downloads_and_runs(text) if regex.match(`(ba|z|da|k)?sh\s+(-\S+\s+)*<\(\s*(curl|wget)\b`, unquoted(text))

downloads_and_runs(text) if regex.match(`(ba|z|da|k)?sh\s+-c\s+["']?\$\(\s*(curl|wget)\b`, text)

# `text` with quoted strings emptied: `echo "curl | sh"` pipes nothing.
unquoted(text) := regex.replace(text, `"[^"]*"|'[^']*'`, "''")

# An in-place upgrade of every installed package: `apt-get upgrade`, `apt full-upgrade`,
# `yum update`/`upgrade` (without a package name), `dnf upgrade`, `apk upgrade`, `zypper up`.
upgrades_packages(text) if regex.match(`\bapt(-get)?\s+(-\S+\s+)*(upgrade|dist-upgrade|full-upgrade)\b`, text)

upgrades_packages(text) if regex.match(`\b(yum|dnf|microdnf)\s+(-\S+\s+)*(update|upgrade)\s*($|[;&|\n#)]|-y\s*($|[;&|\n#)]))`, text)

upgrades_packages(text) if regex.match(`\bapk\s+(-\S+\s+)*upgrade\b`, text)

upgrades_packages(text) if regex.match(`\bzypper\s+(-\S+\s+)*(up|update|dup|dist-upgrade)\b`, text)

# Packages installed from the distribution's repositories at boot: their versions depend on
# the day the server starts.
installs_packages(text) if regex.match(`\b(apt(-get)?|yum|dnf|apk|zypper)\s+(-\S+\s+)*(install|add)\b`, text)

# cloud-init's own package directives.
installs_packages(text) if regex.match(`(?m)^\s*(package_upgrade|package_update)\s*:\s*true\b`, text)

installs_packages(text) if regex.match(`(?m)^packages\s*:`, text)
