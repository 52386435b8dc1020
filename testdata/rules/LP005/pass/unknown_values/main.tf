# Values tenet cannot know statically are never judged but reported as undecided: a policy from
# a variable without default, a policy whose principal comes from one, and a Lambda principal
# from one. A Lambda principal taken from another resource (a role ARN) is never `*`, and an
# unknown `source_arn` is set, so it restricts: neither is undecided.

variable "policy" {
  type = string
}

variable "principal" {
  type = string
}

resource "aws_s3_bucket_policy" "from_variable" {
  bucket = "from-variable"
  policy = var.policy # undecided: LP005
}

resource "aws_sqs_queue_policy" "unknown_principal" {
  queue_url = "https://sqs.eu-west-1.amazonaws.com/123456789012/jobs"
  # undecided: LP005
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { AWS = var.principal }, Action = "sqs:SendMessage", Resource = "*" }]
  })
}

resource "aws_lambda_permission" "unknown_principal" {
  action        = "lambda:InvokeFunction"
  function_name = "worker"
  principal     = var.principal # undecided: LP005
}

resource "aws_iam_role" "caller" {
  name = "caller"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "ec2.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_lambda_permission" "role_principal" {
  action        = "lambda:InvokeFunction"
  function_name = "worker"
  principal     = aws_iam_role.caller.arn
}

resource "aws_s3_bucket" "uploads" {
  bucket = "uploads"
}

resource "aws_lambda_permission" "unknown_source" {
  action        = "lambda:InvokeFunction"
  function_name = "worker"
  principal     = "*"
  source_arn    = aws_s3_bucket.uploads.arn
}
