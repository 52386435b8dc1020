# Action "*" on specific resources, or with NotResource, is not full administrator access
# on resource "*" (other rules judge wildcards on resources).

resource "aws_s3_bucket_policy" "owner" {
  bucket = "uploads"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::123456789012:role/uploader" }
      Action    = "*"
      Resource  = ["arn:aws:s3:::uploads", "arn:aws:s3:::uploads/*"]
    }]
  })
}

data "aws_iam_policy_document" "table" {
  statement {
    actions   = ["*"]
    resources = ["arn:aws:dynamodb:eu-west-1:123456789012:table/orders"]
  }
}

resource "aws_iam_role_policy" "table" {
  name   = "table"
  role   = "orders"
  policy = data.aws_iam_policy_document.table.json
}

resource "aws_iam_policy" "not_resource" {
  name   = "not-resource"
  policy = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"*\", \"NotResource\": \"arn:aws:s3:::audit/*\"}]}"
}

resource "aws_sqs_queue_policy" "queue" {
  queue_url = "https://sqs.eu-west-1.amazonaws.com/123456789012/orders"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "sns.amazonaws.com" }
      Action    = "*"
      Resource  = "arn:aws:sqs:eu-west-1:123456789012:orders"
    }]
  })
}
