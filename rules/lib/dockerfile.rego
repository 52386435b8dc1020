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
