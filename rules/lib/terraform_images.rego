# Container images declared in Terraform: the container definitions of an ECS task definition
# (a JSON document in `container_definitions`) and the containers of the Kubernetes provider's
# workload resources (`kubernetes_deployment`, `kubernetes_pod`, … and their `_v1` forms).
package tenet.lib.terraform_images

import data.tenet.lib.terraform as tf
import rego.v1

# Every image: {"address", "path", "image", "container"} (path: where to report it).
images contains entry if {
	some resource in tf.resources("aws_ecs_task_definition")
	text := resource.attributes.container_definitions
	is_string(text)
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
	entry := {
		"address": resource.address,
		"path": array.concat(spec_path, [field, i, "image"]),
		"image": container.image,
		"container": object.get(container, "name", sprintf("#%d", [i])),
	}
}

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
