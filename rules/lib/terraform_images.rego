# Container images declared in Terraform: the container definitions of an ECS task definition
# (a JSON document in `container_definitions`) and the containers of the Kubernetes provider's
# workload resources (`kubernetes_deployment`, `kubernetes_pod`, … and their `_v1` forms).
package tenet.lib.terraform_images

import data.tenet.lib.terraform as tf
import rego.v1

# Every image: {"address", "path", "image", "container"} (path: where to report it). An image
# written as a template with unknown parts is its partial text (`"${…}/app:latest"`), which
# the image rules judge on what is known of it.
images contains entry if {
	some resource in tf.resources("aws_ecs_task_definition")
	text := tf.text_or_partial(resource, ["container_definitions"])
	json.is_valid(text)
	definitions := json.unmarshal(text)
	is_array(definitions)
	some i, definition in definitions
	is_object(definition)
	entry := {
		"address": resource.address,
		"path": ["container_definitions"],
		"image": definition.image,
		"container": object.get(definition, "name", sprintf("#%d", [i])),
	}
}

images contains entry if {
	some type, spec_path in pod_spec_paths
	some resource in tf.resources(type)
	some field in ["container", "init_container"]
	containers := object.get(resource.attributes, array.concat(spec_path, [field]), [])
	is_array(containers)
	some i, container in containers
	is_object(container)
	path := array.concat(spec_path, [field, i, "image"])
	entry := {
		"address": resource.address,
		"path": path,
		"image": tf.text_or_partial(resource, path),
		"container": object.get(container, "name", sprintf("#%d", [i])),
	}
}

# Images that cannot be known statically, for undecided checks: {"address", "path", "what"},
# where `what` names the unknown value for messages. An ECS task definition
# whose `container_definitions` is unknown (a `jsonencode` of a variable, a data source, a
# file outside the scanned path); a Kubernetes provider container whose `image` is unknown;
# and a Kubernetes provider workload whose list of containers (or init containers) is unknown
# (a `dynamic` block over an unknown collection).
unknown_images contains entry if {
	some resource in tf.resources("aws_ecs_task_definition")
	tf.unknown(resource, ["container_definitions"])
	not tf.text_or_partial(resource, ["container_definitions"])
	entry := {
		"address": resource.address,
		"path": ["container_definitions"],
		"what": "`container_definitions`",
	}
}

# An ECS container whose `image` is unknown inside partly known `container_definitions`.
unknown_images contains entry if {
	some resource in tf.resources("aws_ecs_task_definition")
	tf.unknown(resource, ["container_definitions"])
	text := tf.text_or_partial(resource, ["container_definitions"])
	json.is_valid(text)
	definitions := json.unmarshal(text)
	is_array(definitions)
	some i, definition in definitions
	is_object(definition)
	object.get(definition, "image", null) == null
	entry := {
		"address": resource.address,
		"path": ["container_definitions"],
		"what": sprintf("the `image` of container %q", [object.get(definition, "name", sprintf("#%d", [i]))]),
	}
}

unknown_images contains entry if {
	some type, spec_path in pod_spec_paths
	some resource in tf.resources(type)
	some field in ["container", "init_container"]
	containers := object.get(resource.attributes, array.concat(spec_path, [field]), [])
	is_array(containers)
	some i, container in containers
	is_object(container)
	path := array.concat(spec_path, [field, i, "image"])
	object.get(container, "image", null) == null
	tf.unknown(resource, path)
	not tf.text_or_partial(resource, path)
	name := object.get(container, "name", sprintf("#%d", [i]))
	entry := {
		"address": resource.address,
		"path": path,
		"what": sprintf("the `image` of container %q", [name]),
	}
}

unknown_images contains entry if {
	some type, spec_path in pod_spec_paths
	some resource in tf.resources(type)
	some field in ["container", "init_container"]
	path := array.concat(spec_path, [field])
	object.get(resource.attributes, path, null) == null
	unknown_list(resource, path, field)
	entry := {
		"address": resource.address,
		"path": path,
		"what": sprintf("the list of `%s` blocks", [field]),
	}
}

# The list itself is unknown; for `container` (which every workload has) also a block that
# holds it. An unknown block above `init_container` says nothing of whether there is one.
unknown_list(resource, path, "container") if tf.unknown(resource, path)

unknown_list(resource, path, "init_container") if tf.display_path(path) in object.get(resource, "unknown", [])

template_spec := ["spec", 0, "template", 0, "spec", 0]

# Where the pod spec sits in each Kubernetes provider resource (blocks are lists).
pod_spec_paths := {
	"kubernetes_pod": ["spec", 0],
	"kubernetes_pod_v1": ["spec", 0],
	"kubernetes_deployment": template_spec,
	"kubernetes_deployment_v1": template_spec,
	"kubernetes_stateful_set": template_spec,
	"kubernetes_stateful_set_v1": template_spec,
	"kubernetes_daemonset": template_spec,
	"kubernetes_daemon_set_v1": template_spec,
	"kubernetes_replication_controller": template_spec,
	"kubernetes_replication_controller_v1": template_spec,
	"kubernetes_job": template_spec,
	"kubernetes_job_v1": template_spec,
	"kubernetes_cron_job": array.concat(["spec", 0, "job_template", 0], template_spec),
	"kubernetes_cron_job_v1": array.concat(["spec", 0, "job_template", 0], template_spec),
}
