# The remediation from the rule's metadata.

resource "aws_s3_bucket" "uploads" {
  bucket = "uploads"
}

data "aws_iam_policy_document" "app" {
  statement {
    sid     = "ReadUploads"
    actions = ["s3:GetObject", "s3:ListBucket"]
    resources = [
      aws_s3_bucket.uploads.arn,
      "${aws_s3_bucket.uploads.arn}/*",
    ]
  }
}

resource "aws_iam_policy" "app" {
  name   = "app"
  policy = data.aws_iam_policy_document.app.json
}
