# Policy document data sources holding values known only at apply time. What is known decides
# when it can: named actions on any resource, or a wildcard on another resource's ARNs, never
# grant a whole service on every resource. A wildcard on resources from a variable without
# default could: undecided.

variable "resources" {
  type = list(string)
}

variable "actions" {
  type = list(string)
}

resource "aws_s3_bucket" "uploads" {
  bucket = "uploads"
}

data "aws_iam_policy_document" "named_actions" {
  statement {
    actions   = ["s3:GetObject", "s3:PutObject"]
    resources = var.resources
  }
}

resource "aws_iam_role_policy" "named_actions" {
  name   = "named-actions"
  role   = "app"
  policy = data.aws_iam_policy_document.named_actions.json
}

data "aws_iam_policy_document" "scoped_wildcard" {
  statement {
    actions   = concat(["s3:*"], var.actions)
    resources = ["${aws_s3_bucket.uploads.arn}/*"]
  }
}

resource "aws_iam_role_policy" "scoped_wildcard" {
  name   = "scoped-wildcard"
  role   = "app"
  policy = data.aws_iam_policy_document.scoped_wildcard.json
}

data "aws_iam_policy_document" "wildcard_from_variable" {
  statement {
    actions   = ["s3:*"]
    resources = var.resources
  }
}

resource "aws_iam_policy" "wildcard_from_variable" {
  name   = "wildcard-from-variable"
  policy = data.aws_iam_policy_document.wildcard_from_variable.json # undecided: LP002
}

# A bucket policy is a resource policy, never judged by LP002.
resource "aws_s3_bucket_policy" "uploads" {
  bucket = aws_s3_bucket.uploads.id
  policy = data.aws_iam_policy_document.wildcard_from_variable.json
}
