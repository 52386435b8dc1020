# A public website bucket: the policy document's `json` is unknown (the bucket ARN is known
# only at apply time), but its statement allows `s3:GetObject` to `*` without a condition
# whatever that ARN is: the finding is certain.

resource "aws_s3_bucket" "site" {
  bucket = "site"
}

data "aws_iam_policy_document" "public_read" {
  statement {
    sid       = "PublicRead"
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.site.arn}/*"]

    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}

resource "aws_s3_bucket_policy" "site" {
  bucket = aws_s3_bucket.site.id
  policy = data.aws_iam_policy_document.public_read.json # expect: LP005
}
