# The remediation from the metadata: named actions on the bucket's objects.

resource "aws_s3_bucket" "uploads" {
  bucket = "uploads"
}

data "aws_iam_policy_document" "uploads" {
  statement {
    sid       = "ReadWriteUploads"
    actions   = ["s3:GetObject", "s3:PutObject"]
    resources = ["${aws_s3_bucket.uploads.arn}/*"]
  }
}

resource "aws_iam_role_policy" "app" {
  name   = "uploads"
  role   = "app"
  policy = data.aws_iam_policy_document.uploads.json
}
