# Resource policy documents holding values known only at apply time. A service principal, or
# `*` restricted by `aws:SourceArn` (whatever its value), is never open to anyone. A principal
# from a variable without default, or a condition key from one, could be: undecided.

variable "principals" {
  type = list(string)
}

variable "condition_key" {
  type = string
}

resource "aws_s3_bucket" "site" {
  bucket = "site"
}

resource "aws_cloudfront_distribution" "site" {
  enabled = true
}

data "aws_iam_policy_document" "cloudfront" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.site.arn}/*"]

    principals {
      type        = "Service"
      identifiers = ["cloudfront.amazonaws.com"]
    }
  }

  statement {
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.site.arn}/*"]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceArn"
      values   = [aws_cloudfront_distribution.site.arn]
    }
  }
}

resource "aws_s3_bucket_policy" "cloudfront" {
  bucket = aws_s3_bucket.site.id
  policy = data.aws_iam_policy_document.cloudfront.json
}

resource "aws_s3_bucket" "shared" {
  bucket = "shared"
}

data "aws_iam_policy_document" "shared" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.shared.arn}/*"]

    principals {
      type        = "AWS"
      identifiers = var.principals
    }
  }
}

resource "aws_s3_bucket_policy" "shared" {
  bucket = aws_s3_bucket.shared.id
  policy = data.aws_iam_policy_document.shared.json # undecided: LP005
}

resource "aws_s3_bucket" "conditional" {
  bucket = "conditional"
}

data "aws_iam_policy_document" "conditional" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.conditional.arn}/*"]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "StringEquals"
      variable = var.condition_key
      values   = ["vpce-0a1b2c3d"]
    }
  }
}

resource "aws_s3_bucket_policy" "conditional" {
  bucket = aws_s3_bucket.conditional.id
  policy = data.aws_iam_policy_document.conditional.json # undecided: LP005
}
