# data "aws_iam_policy_document" with principals type "*": the finding is on the bucket
# policy that uses its `json`.

data "aws_iam_policy_document" "public" {
  statement {
    sid       = "PublicList"
    actions   = ["s3:ListBucket"]
    resources = ["arn:aws:s3:::data"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}

resource "aws_s3_bucket_policy" "data" {
  bucket = "data"
  policy = data.aws_iam_policy_document.public.json # expect: LP005
}
