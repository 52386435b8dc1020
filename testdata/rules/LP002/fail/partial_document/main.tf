# A policy document data source whose `json` is unknown (one statement names a bucket ARN known
# only at apply time), with a statement that grants `kms:*` on every resource whatever the
# unknown values are: the finding is certain.

resource "aws_s3_bucket" "uploads" {
  bucket = "uploads"
}

data "aws_iam_policy_document" "app" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.uploads.arn}/*"]
  }

  statement {
    sid       = "Keys"
    actions   = ["kms:*"]
    resources = ["*"]
  }
}

resource "aws_iam_role_policy" "app" {
  name   = "app"
  role   = "app"
  policy = data.aws_iam_policy_document.app.json # expect: LP002
}
