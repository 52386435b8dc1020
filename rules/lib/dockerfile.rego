# Helpers for Dockerfile rules: the IR has one resource per build stage (type "stage"), with
# its `from` reference and its instructions (FROM first) in order.
package tenet.lib.dockerfile

import data.tenet.lib.image
import rego.v1

# Every stage resource.
stages contains stage if {
	some stage in input.resources
	stage.type == "stage"
}

# The stage that produces the image: the last one (tenet does not know about `--target`).
final_stages contains stage if {
	some stage in stages
	stage.attributes.final == true
}

# The instruction keyword, upper-cased (Dockerfile keywords are case-insensitive).
keyword(instruction) := upper(instruction.instruction)

# The arguments of an instruction as one string (exec form joined with spaces).
args_text(instruction) := trim_space(instruction.args) if is_string(instruction.args)

args_text(instruction) := concat(" ", instruction.args) if is_array(instruction.args)

# The shell script a RUN executes: its arguments, and the body of each heredoc the shell runs
# as commands: `RUN <<EOT` (BuildKit runs the body with the default shell), `RUN <<EOT bash`
# and `RUN bash -e <<EOT` (a shell reading it). A heredoc fed to another program
# (`python3 <<EOF`) or written to a file (`cat <<EOF > f`) is data and is left out.
run_script(instruction) := concat("\n", array.concat([args_text(instruction)], [heredoc.content |
	some heredoc in object.get(instruction, "heredocs", [])
	shell_runs_heredocs(instruction)
]))

# With its heredoc markers removed, the command of the RUN is nothing or a shell.
shell_runs_heredocs(instruction) if {
	command := trim_space(regex.replace(args_text(instruction), `<<-?\s*["']?[A-Za-z_][A-Za-z0-9_]*["']?`, ""))
	regex.match(`^(((/usr)?/bin/)?(sh|bash|dash|ash|zsh)(\s+-[A-Za-z]+|\s+-o\s+\S+)*)?$`, command)
}

# Every instruction of `stage` whose keyword is `word`: {"index", "instruction"}.
instructions(stage, word) := [entry |
	some i, instruction in stage.attributes.instructions
	keyword(instruction) == word
	entry := {"index": i, "instruction": instruction}
]

# The last instruction of `stage` with keyword `word`; undefined when there is none.
last_instruction(stage, word) := found[count(found) - 1] if {
	found := instructions(stage, word)
	count(found) > 0
}

# The earlier stage `stage` builds on (`FROM <stage name>`); undefined for an image.
parent_stage(stage) := parent if {
	name := stage.attributes.from.stage
	is_string(name)
	candidates := [p |
		some p in stages
		p.attributes.index < stage.attributes.index
		is_string(p.attributes.name)
		lower(p.attributes.name) == lower(name)
	]
	count(candidates) > 0
	parent := max_by_index(candidates)
}

max_by_index(list) := item if {
	top := max([s.attributes.index | some s in list])
	some item in list
	item.attributes.index == top
}

# Stage graph: index -> [index of the stage it builds on].
stage_graph[sprintf("%d", [stage.attributes.index])] := edges if {
	some stage in stages
	edges := [sprintf("%d", [p.attributes.index]) | p := parent_stage(stage)]
}

# `stage` and every stage it builds on, directly or through others.
lineage(stage) := [s |
	reached := graph.reachable(stage_graph, {sprintf("%d", [stage.attributes.index])})
	some s in stages
	sprintf("%d", [s.attributes.index]) in reached
]

# The image a stage is built FROM, when it is an image from a registry that can be judged:
# not `scratch`, not an earlier stage, and resolved (no `ARG` left without a default).
# Undefined otherwise.
external_image(stage) := ref if {
	from := stage.attributes.from
	not from.scratch == true
	not is_string(from.stage)
	from.resolved == true
	ref := from.image
	image.known(ref)
	lower(ref) != "scratch"
}

# A stage's name for messages: `"build"`, or `#1` when it has none.
stage_label(stage) := sprintf("%q", [stage.attributes.name]) if is_string(stage.attributes.name)

stage_label(stage) := sprintf("#%d", [stage.attributes.index]) if not is_string(stage.attributes.name)

# The `ARG` instructions before the first `FROM` (the document's `global_args`), in the
# instruction shape. They belong to no stage, so a finding about one is reported on a stage.
global_args := object.get(input, "global_args", [])

# Variables in instruction arguments, for undecided checks. tenet substitutes variables only
# in `FROM` (`from.image`); the helpers below put in the values a Dockerfile gives itself and
# leave the rest (an `ARG` without a default, a variable of the base image) as written.

# `$NAME`, `${NAME}`, another `${...}` form (`${NAME:-word}`: never substituted here, so it
# stays unknown), a run of other text, or a lone `$`.
variable_token_pattern := `\$\{[A-Za-z_][A-Za-z0-9_]*\}|\$[A-Za-z_][A-Za-z0-9_]*|\$\{[^}]*\}|[^$]+|\$`

variable_name(token) := substring(token, 2, count(token) - 3) if regex.match(`^\$\{[A-Za-z_][A-Za-z0-9_]*\}$`, token)

variable_name(token) := substring(token, 1, -1) if {
	startswith(token, "$")
	not startswith(token, "${")
	count(token) > 1
}

# `NAME=value` pairs of an `ARG` or `ENV` (quotes removed from the value).
assignment_pattern := `([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|'[^']*'|\S*)`

unquote(value) := trim(value, `"'`)

# The defaults of the global `ARG`s (the last declaration of a name wins).
global_defaults[name] := value if {
	pairs := [[m[1], unquote(m[2])] |
		some arg in object.get(input, "global_args", [])
		some m in regex.find_all_string_submatch_n(assignment_pattern, args_text(arg), -1)
	]
	some i, pair in pairs
	name := pair[0]
	not declared_after(pairs, i, name)
	value := pair[1]
}

declared_after(pairs, i, name) if {
	some j, pair in pairs
	j > i
	pair[0] == name
}

# The variables an `ENV` or `ARG` instruction gives a value: [[name, value], ...]. Covers
# `ENV A=1 B="x y"`, the legacy `ENV A 1`, `ARG A=1`, and `ARG A`, which takes a global
# `ARG`'s default into the stage.
assignments(instruction) := [[m[1], unquote(m[2])] |
	some m in regex.find_all_string_submatch_n(assignment_pattern, args_text(instruction), -1)
] if {
	keyword(instruction) in {"ENV", "ARG"}
	contains(split(args_text(instruction), " ")[0], "=")
}

assignments(instruction) := [[parts[1], parts[2]]] if {
	keyword(instruction) == "ENV"
	parts := regex.find_all_string_submatch_n(`^([A-Za-z_][A-Za-z0-9_]*)\s+(.*)$`, args_text(instruction), 1)[0]
}

assignments(instruction) := [[name, global_defaults[name]]] if {
	keyword(instruction) == "ARG"
	name := args_text(instruction)
	regex.match(`^[A-Za-z_][A-Za-z0-9_]*$`, name)
}

# The value `$name` has at instruction `index` of `stage`: from the last earlier `ENV` or `ARG`
# of the stage that sets it, else from the last `ENV` of the earlier stages it builds on.
# Undefined when the Dockerfile does not set it (a build argument without a default, or a
# variable the base image may define).
value_at(stage, index, name) := found[count(found) - 1] if {
	found := array.concat(inherited_values(stage, name), [pair[1] |
		some j, instruction in stage.attributes.instructions
		j > 0
		j < index
		some pair in assignments(instruction)
		pair[0] == name
	])
	count(found) > 0
}

# The values the `ENV`s of the stages `stage` builds on give `name`, oldest first.
inherited_values(stage, name) := [pair[1] |
	some position in sort([s.attributes.index | some s in lineage(stage); s.attributes.index != stage.attributes.index])
	some ancestor in stages
	ancestor.attributes.index == position
	some instruction in ancestor.attributes.instructions
	keyword(instruction) == "ENV"
	some pair in assignments(instruction)
	pair[0] == name
]

# `text` (the arguments of instruction `index` of `stage`) with the variables whose value is
# known put in; any `$` left in the result is a value that cannot be known statically.
expand(stage, index, text) := concat("", [expanded_token(stage, index, token) |
	some token in regex.find_n(variable_token_pattern, text, -1)
])

expanded_token(stage, index, token) := value_at(stage, index, variable_name(token))

expanded_token(stage, index, token) := token if not value_at(stage, index, variable_name(token))

# For a stage whose `FROM` did not resolve (it uses an `ARG` without a default): the image
# reference as written, with the defaults of the global `ARG`s put in and the other variables
# left as written (`${REGISTRY}/python:3.12` for `${REGISTRY}/python:${PY}` with
# `ARG PY=3.12`). Undefined when the `FROM` resolved, and when the written form can be the
# name of an earlier stage (`FROM base-${TARGETARCH}` after `FROM alpine:3.20 AS base-amd64`):
# such a `FROM` selects a stage of this build, not an image.
unresolved_image(stage) := ref if {
	from := stage.attributes.from
	from.resolved == false
	not from.scratch == true
	not is_string(from.stage)
	raw := replace(replace(from.raw, `"`, ""), "'", "")
	not may_name_stage(stage, raw)
	ref := concat("", [global_token(token) | some token in regex.find_n(variable_token_pattern, raw, -1)])
}

global_token(token) := global_defaults[variable_name(token)]

global_token(token) := token if not global_defaults[variable_name(token)]

# Only a reference with some written text can be taken for a stage name: `FROM ${BASE}` alone
# is an image.
may_name_stage(stage, raw) if {
	some token in regex.find_n(variable_token_pattern, raw, -1)
	not startswith(token, "$")
	pattern := value_pattern(raw)
	some earlier in stages
	earlier.attributes.index < stage.attributes.index
	is_string(earlier.attributes.name)
	regex.match(pattern, lower(earlier.attributes.name))
}

# A regular expression (case-insensitive) for the values `text` can take when its variables
# (`$NAME`, `${NAME}`, `${NAME:-word}`, ...) can be anything: `^base-.*$` for
# `base-${TARGETARCH}`. Undefined when the written text has characters other than letters,
# digits and `_ . - /`.
value_pattern(text) := concat("", ["(?i)^", concat("", parts), "$"]) if {
	tokens := regex.find_n(variable_token_pattern, text, -1)
	parts := [pattern_part(token) | some token in tokens]
	count(parts) == count(tokens)
}

pattern_part(token) := ".*" if startswith(token, "$")

pattern_part(token) := replace(token, ".", `\.`) if {
	not startswith(token, "$")
	regex.match(`^[A-Za-z0-9_./-]+$`, token)
}

# The variables left in `text`, for messages: "`REGISTRY`", "`REGISTRY`, `TAG`" ("a
# variable" for forms such as `${NAME:?message}`).
variables_named(text) := concat(", ", names) if {
	names := variable_names(text)
	count(names) > 0
}

variables_named(text) := "a variable" if count(variable_names(text)) == 0

variable_names(text) := [sprintf("`%s`", [variable_name(token)]) |
	some token in regex.find_n(variable_token_pattern, text, -1)
	variable_name(token)
]
