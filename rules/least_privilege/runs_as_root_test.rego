# Unit tests of the Dockerfile side of LP013 on hand-written IR (stage chains, USER forms).
package tenet.least_privilege.runs_as_root_test

import data.tenet.least_privilege.runs_as_root
import rego.v1

stage(index, name, from_stage, final, users) := {
	"address": sprintf("stage.%v", [index]),
	"type": "stage",
	"name": name,
	"attributes": {
		"index": index,
		"name": name,
		"final": final,
		"from": {"image": "debian:12", "resolved": true, "stage": from_stage, "scratch": false},
		"instructions": array.concat(
			[{"instruction": "FROM", "args": "debian:12", "form": "shell", "flags": {}}],
			[{"instruction": "USER", "args": u, "form": "shell", "flags": {}} | some u in users],
		),
	},
}

findings(stages) := result if {
	result := runs_as_root.deny with input as {"kind": "dockerfile", "resources": stages}
}

test_no_user_fires_on_header if {
	result := findings([stage(0, null, null, true, [])])
	count(result) == 1
	some f in result
	f.path == []
}

test_root_forms_fire_on_the_instruction if {
	every user in ["root", "0", "0:0", "root:root", "root:app", "000", "ContainerAdministrator", "\"root\"", "'0':'0'"] {
		result := findings([stage(0, null, null, true, ["app", user])])
		count(result) == 1
		some f in result
		f.path == ["instructions", 2]
	}
}

test_non_root_and_unknown_users_do_not_fire if {
	every user in ["app", "10001", "10001:0", "$APP_UID", "${UID}:${GID}", "rooty", "\"app\""] {
		count(findings([stage(0, null, null, true, [user])])) == 0
	}
}

test_last_user_wins if {
	count(findings([stage(0, null, null, true, ["root", "app"])])) == 0
}

test_inherits_through_a_chain_of_stages if {
	base := stage(0, "base", null, false, ["app"])
	mid := stage(1, "mid", "base", false, [])
	count(findings([base, mid, stage(2, "final", "mid", true, [])])) == 0
	root_base := stage(0, "base", null, false, ["root"])
	result := findings([root_base, mid, stage(2, "final", "mid", true, [])])
	count(result) == 1
}

test_nearest_user_in_the_chain_wins if {
	base := stage(0, "base", null, false, ["root"])
	mid := stage(1, "mid", "base", false, ["app"])
	count(findings([base, mid, stage(2, "final", "MID", true, [])])) == 0
}

test_only_the_final_stage_counts if {
	build := stage(0, "build", null, false, ["root"])
	count(findings([build, stage(1, null, null, true, ["app"])])) == 0
}

test_variable_group_still_root if {
	every user in ["root:$GID", "0:${GID}"] {
		count(findings([stage(0, null, null, true, [user])])) == 1
	}
}

test_variable_user_is_undecided if {
	every user in ["$APP_UID", "${UID}:${GID}", "\"$USER\""] {
		result := runs_as_root.undecided with input as {"kind": "dockerfile", "resources": [stage(0, null, null, true, [user])]}
		count(result) == 1
	}
}
