# Trust policy documents holding values known only at apply time. A service principal, an
# account taken from `data.aws_caller_identity`, or a principal from a variable restricted by
# a `Condition` never trusts anyone without a condition. A principal from a variable without
# default and no condition could be `*`: undecided.

variable "principals" {
  type = list(string)
}

data "aws_partition" "current" {}

data "aws_caller_identity" "current" {}

data "aws_iam_policy_document" "service" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["monitoring.rds.${data.aws_partition.current.dns_suffix}"]
    }
  }
}

resource "aws_iam_role" "service" {
  name               = "service"
  assume_role_policy = data.aws_iam_policy_document.service.json
}

data "aws_iam_policy_document" "own_account" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::${data.aws_caller_identity.current.account_id}:root"]
    }
  }
}

resource "aws_iam_role" "own_account" {
  name               = "own-account"
  assume_role_policy = data.aws_iam_policy_document.own_account.json
}

data "aws_iam_policy_document" "restricted" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "AWS"
      identifiers = var.principals
    }

    condition {
      test     = "StringEquals"
      variable = "sts:ExternalId"
      values   = ["partner-7f3a"]
    }
  }
}

resource "aws_iam_role" "restricted" {
  name               = "restricted"
  assume_role_policy = data.aws_iam_policy_document.restricted.json
}

data "aws_iam_policy_document" "from_variable" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "AWS"
      identifiers = var.principals
    }
  }
}

resource "aws_iam_role" "from_variable" {
  name               = "from-variable"
  assume_role_policy = data.aws_iam_policy_document.from_variable.json # undecided: LP004
}
