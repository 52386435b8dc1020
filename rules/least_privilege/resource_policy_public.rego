# METADATA
# title: Resource policy grants access to anyone
# description: |
#   A resource policy names who may use the resource, principals of other accounts included.
#   A statement that allows the principal `*` opens the bucket, queue, topic, key, repository
#   or function to every AWS account and, where the service accepts unsigned requests (S3
#   objects, Lambda function URLs), to anonymous callers on the internet, unless a condition
#   narrows who the caller is. Fires on the `policy` of `aws_s3_bucket_policy`, `aws_sqs_queue_policy`,
#   `aws_sns_topic_policy`, `aws_kms_key` and `aws_ecr_repository_policy` when a statement has
#   `Effect` `Allow`, a `Principal` of `"*"`, `{"AWS": "*"}` or an `AWS` list containing `"*"`,
#   and no `Condition` that restricts the caller: a condition restricts it when one of its keys
#   is `aws:SourceAccount`, `aws:SourceArn`, `aws:SourceOwner`, `aws:SourceVpc`,
#   `aws:SourceVpce`, `aws:PrincipalOrgID`, `aws:PrincipalOrgPaths`, `aws:PrincipalAccount`,
#   `aws:PrincipalArn`, `aws:SourceIp` or `kms:CallerAccount` (KMS key policies: it limits
#   callers to one account, as `aws:PrincipalAccount` does, and the key policy AWS documents
#   for EBS relies on it). Keys are case-insensitive and count under any operator except the
#   `...IfExists` forms (which let a request without the key through) and `Null` (which only
#   tests whether the key is present). Any other condition (for example
#   `aws:SecureTransport`, or `kms:ViaService` alone) does not count. One finding per policy, on `policy`, names each such statement and its
#   actions. The policy is read in every form Terraform writes it (JSON string, heredoc,
#   `jsonencode(...)`, `file(...)`, `data "aws_iam_policy_document"`).
#
#   Also fires on an `aws_lambda_permission` whose `principal` is `"*"` and that sets none of
#   `source_arn`, `source_account` or `principal_org_id` (the attributes the provider turns
#   into `aws:SourceArn`, `aws:SourceAccount` and `aws:PrincipalOrgID` conditions); the
#   finding points at `principal`.
#
#   Does not fire on `Deny` statements, on specific principals (an account, a role ARN, a
#   `Service` principal), on `NotPrincipal`, on identity and trust policies (LP001 to LP004),
#   on the legacy inline `policy` argument of `aws_s3_bucket`, `aws_sqs_queue` and
#   `aws_sns_topic`, on a Lambda permission whose `source_arn`/`source_account`/
#   `principal_org_id` is set to a value that is not known (it is set, so it restricts), or on
#   a value that is unknown statically. Such values are reported as undecided instead: a
#   policy built from a variable without default, from a data source tenet cannot render or
#   from an attribute known only after apply (a `jsonencode(...)` that interpolates
#   `aws_s3_bucket.x.arn` is unknown as a whole), and a Lambda `principal` from a variable
#   when no source restriction is set. A `principal` taken from another resource or data
#   source (a role ARN, `data.aws_caller_identity`'s account id) is never `*` and is not
#   reported.
#
#   A `data "aws_iam_policy_document"` whose `json` is unknown only because some of its values
#   are (a bucket ARN, an account id) is judged on what is known of its statement blocks (values
#   taken from another resource or data source are never `*`; values from a variable can be
#   anything): a statement that is open to anyone whatever the unknown values are fires, and the
#   document is undecided only if a statement could be open depending on them.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-anonymous
#     description: IAM JSON policy elements, Principal, all principals
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
#     description: AWS global condition context keys
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html
#     description: IAM JSON policy elements, Condition (context key names are not case-sensitive)
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IfExists
#     description: IAM condition operators, ...IfExists
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lambda_permission
# custom:
#   id: LP005
#   severity: critical
#   pillar: least_privilege
#   layer: 2
#   controls: [AC-3, AC-6]
#   targets: [terraform, terraform-plan]
#   remediation: |
#     Name the principals that need access, or keep the wildcard only together with a
#     condition on who the caller is, such as the CloudFront distribution that reads a bucket:
#
#     ```hcl
#     data "aws_iam_policy_document" "site" {
#       statement {
#         actions   = ["s3:GetObject"]
#         resources = ["${aws_s3_bucket.site.arn}/*"]
#
#         principals {
#           type        = "Service"
#           identifiers = ["cloudfront.amazonaws.com"]
#         }
#
#         condition {
#           test     = "StringEquals"
#           variable = "aws:SourceArn"
#           values   = [aws_cloudfront_distribution.site.arn]
#         }
#       }
#     }
#
#     resource "aws_s3_bucket_policy" "site" {
#       bucket = aws_s3_bucket.site.id
#       policy = data.aws_iam_policy_document.site.json
#     }
#     ```
#
#     For a Lambda permission, set `source_arn` (or `source_account`, `principal_org_id`), or
#     name the calling service or account in `principal`.
package tenet.least_privilege.resource_policy_public

import data.tenet.lib.aws_iam as iam
import data.tenet.lib.terraform as tf
import rego.v1

# Condition keys (lower case) that restrict who the caller is.
restricting_keys := {
	"aws:sourceaccount",
	"aws:sourcearn",
	"aws:sourceowner",
	"aws:sourcevpc",
	"aws:sourcevpce",
	"aws:principalorgid",
	"aws:principalorgpaths",
	"aws:principalaccount",
	"aws:principalarn",
	"aws:sourceip",
	"kms:calleraccount",
}

public_statements contains statement if {
	some statement in iam.statements
	statement.kind == "resource"
	iam.allows(statement)
	iam.any_principal(statement)
	not iam.restricted_by(statement, restricting_keys)
}

actions_text(statement) := sprintf("`%s`", [concat("`, `", statement.actions)]) if count(statement.actions) > 0

actions_text(statement) := sprintf("every action except `%s`", [concat("`, `", statement.not_actions)]) if {
	count(statement.actions) == 0
	count(statement.not_actions) > 0
}

actions_text(statement) := "no action" if {
	count(statement.actions) == 0
	count(statement.not_actions) == 0
}

statement_text(statement) := sprintf("%s allows %s", [iam.label(statement), actions_text(statement)])

# A resource policy that cannot be read statically cannot be judged.
undecided contains iam.undecided(doc, "grants access to any principal", labels) if {
	some doc in iam.unknown_documents
	doc.kind == "resource"
	labels := [partial.label | some partial in iam.partial_statements(doc); may_be_public(partial)]
	iam.unresolved(doc, labels)
	count(public_texts(doc)) == 0
}

# A partially known resource policy (a policy document data source with some unknown values)
# with a statement open to anyone whatever those values are.
deny contains finding if {
	some doc in iam.unknown_documents
	doc.kind == "resource"
	texts := public_texts(doc)
	count(texts) > 0
	finding := {
		"resource": doc.address,
		"path": doc.path,
		"message": sprintf("%s %q: `%s` %s to any principal (`*`) without a `Condition` on a caller key (`aws:SourceArn`, `aws:SourceAccount`, `aws:PrincipalOrgID`, `aws:SourceVpce`, `aws:SourceIp`, ...): anyone can use the resource (other values of the policy are known only at apply time)", [doc.type, doc.name, tf.display_path(doc.path), concat("; ", texts)]),
	}
}

public_texts(doc) := [sprintf("%s allows %s", [partial.label, actions_text(partial)]) |
	some partial in iam.partial_statements(doc)
	iam.surely_allows(partial)
	iam.any_principal(partial)
	not partial.condition_keys_unknown
	not iam.restricted_by(partial, restricting_keys)
]

# What is known of a statement does not rule it out (specific principals, or a condition on a
# caller key).
may_be_public(partial) if {
	iam.may_allow(partial)
	iam.may_have_any_principal(partial)
	not iam.restricted_by(partial, restricting_keys)
}

# One finding per resource policy, naming every statement open to anyone.
deny contains finding if {
	some key in {[s.address, s.path] | some s in public_statements}
	mine := [s | some s in public_statements; s.address == key[0]; s.path == key[1]]
	first := mine[0]
	texts := concat("; ", [statement_text(s) | some index in sort({s.index | some s in mine}); some s in mine; s.index == index])
	finding := {
		"resource": first.address,
		"path": first.path,
		"message": sprintf("%s %q: `%s` %s to any principal (`*`) without a `Condition` on a caller key (`aws:SourceArn`, `aws:SourceAccount`, `aws:PrincipalOrgID`, `aws:SourceVpce`, `aws:SourceIp`, ...): anyone can use the resource", [first.type, first.name, iam.attribute(first), texts]),
	}
}

# Lambda permissions: `principal = "*"` with no source restriction.
deny contains finding if {
	some permission in tf.resources("aws_lambda_permission")
	object.get(permission.attributes, "principal", null) == "*"
	tf.unset(permission, ["source_arn"])
	tf.unset(permission, ["source_account"])
	tf.unset(permission, ["principal_org_id"])
	finding := {
		"resource": permission.address,
		"path": ["principal"],
		"message": sprintf("aws_lambda_permission %q: `principal` is `*` and none of `source_arn`, `source_account` or `principal_org_id` is set: %s", [permission.name, lambda_exposure(permission)]),
	}
}

# A Lambda `principal` that is unknown and could be `*`: it does not come from another
# resource or data source (whose ARNs and account ids are never `*`), and nothing restricts
# the source.
undecided contains tf.undecided(permission, ["principal"], why) if {
	some permission in tf.resources("aws_lambda_permission")
	tf.unknown(permission, ["principal"])
	count(tf.referenced_by(permission, "principal")) == 0
	tf.unset(permission, ["source_arn"])
	tf.unset(permission, ["source_account"])
	tf.unset(permission, ["principal_org_id"])
	why := sprintf("aws_lambda_permission %q: `principal` is unknown statically and none of `source_arn`, `source_account` or `principal_org_id` is set, so whether any principal can invoke the function cannot be decided", [permission.name])
}

lambda_exposure(permission) := "anyone on the internet can call the function URL without signing the request" if {
	object.get(permission.attributes, "function_url_auth_type", null) == "NONE"
}

lambda_exposure(permission) := "any principal of any AWS account can invoke the function" if {
	object.get(permission.attributes, "function_url_auth_type", null) != "NONE"
}
