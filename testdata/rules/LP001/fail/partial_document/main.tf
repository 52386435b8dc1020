# A policy document data source whose `json` is unknown (one statement names a bucket ARN known
# only at apply time), with a statement that grants every action on every resource whatever
# the unknown values are: the finding is certain.

resource "aws_s3_bucket" "logs" {
  bucket = "logs"
}

data "aws_iam_policy_document" "admin" {
  statement {
    sid       = "WriteLogs"
    actions   = ["s3:PutObject"]
    resources = ["${aws_s3_bucket.logs.arn}/*"]
  }

  statement {
    actions   = ["*"]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "admin" {
  name   = "admin"
  policy = data.aws_iam_policy_document.admin.json # expect: LP001
}
