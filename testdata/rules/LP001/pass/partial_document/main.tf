# Policy document data sources holding values known only at apply time: their `json` is
# unknown, but what is known of their statements still decides when it can. A statement on
# another resource's ARNs never covers every resource, and a Deny grants nothing: no undecided
# check. Resources from a variable without default, or a source document from one, could be
# anything: undecided.

variable "resources" {
  type = list(string)
}

variable "extra_policy" {
  type = string
}

resource "aws_s3_bucket" "uploads" {
  bucket = "uploads"
}

data "aws_iam_policy_document" "scoped" {
  statement {
    actions   = ["*"]
    resources = [aws_s3_bucket.uploads.arn, "${aws_s3_bucket.uploads.arn}/*"]
  }
}

resource "aws_iam_policy" "scoped" {
  name   = "scoped"
  policy = data.aws_iam_policy_document.scoped.json
}

data "aws_iam_policy_document" "deny" {
  statement {
    effect    = "Deny"
    actions   = ["*"]
    resources = var.resources
  }
}

resource "aws_iam_policy" "deny" {
  name   = "deny"
  policy = data.aws_iam_policy_document.deny.json
}

# A known source document and a statement on a bucket of the configuration: decided.
data "aws_iam_policy_document" "combined" {
  source_policy_documents = [
    data.aws_iam_policy_document.scoped.json,
    jsonencode({
      Version   = "2012-10-17"
      Statement = [{ Effect = "Allow", Action = "s3:ListAllMyBuckets", Resource = "*" }]
    }),
  ]

  statement {
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.uploads.arn}/*"]
  }
}

resource "aws_iam_policy" "combined" {
  name   = "combined"
  policy = data.aws_iam_policy_document.combined.json
}

data "aws_iam_policy_document" "from_variable" {
  statement {
    actions   = ["*"]
    resources = var.resources
  }
}

resource "aws_iam_role_policy" "from_variable" {
  name   = "from-variable"
  role   = "app"
  policy = data.aws_iam_policy_document.from_variable.json # undecided: LP001
}

data "aws_iam_policy_document" "not_actions" {
  statement {
    not_actions = ["iam:*"]
    resources   = var.resources
  }
}

resource "aws_iam_group_policy" "not_actions" {
  name   = "not-actions"
  group  = "ops"
  policy = data.aws_iam_policy_document.not_actions.json # undecided: LP001
}

data "aws_iam_policy_document" "variable_source" {
  source_policy_documents = [var.extra_policy]

  statement {
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.uploads.arn}/*"]
  }
}

resource "aws_iam_policy" "variable_source" {
  name   = "variable-source"
  policy = data.aws_iam_policy_document.variable_source.json # undecided: LP001
}

# `jsonencode()` over a value known only at apply time is judged on what is known of it: this
# key policy grants `kms:*` only, whatever the account is.
data "aws_caller_identity" "current" {}

resource "aws_kms_key" "uploads" {
  description = "uploads"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:root" }
      Action    = "kms:*"
      Resource  = "*"
    }]
  })
}

# Inline policies from a variable without default: the whole `inline_policy` list is unknown.
# The path does not exist in the source, so the check is placed on the resource.
variable "inline_policies" {
  type = map(string)
}

# undecided: LP001
resource "aws_iam_role" "dynamic_inline" {
  name = "dynamic-inline"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "ec2.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })

  dynamic "inline_policy" {
    for_each = var.inline_policies
    content {
      name   = inline_policy.key
      policy = inline_policy.value
    }
  }
}
