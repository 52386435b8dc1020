# Values tenet cannot know statically are never judged: a policy from a variable without
# default, a policy whose principal comes from one, and a Lambda principal from one.

variable "policy" {
  type = string
}

variable "principal" {
  type = string
}

resource "aws_s3_bucket_policy" "from_variable" {
  bucket = "from-variable"
  policy = var.policy
}

resource "aws_sqs_queue_policy" "unknown_principal" {
  queue_url = "https://sqs.eu-west-1.amazonaws.com/123456789012/jobs"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { AWS = var.principal }, Action = "sqs:SendMessage", Resource = "*" }]
  })
}

resource "aws_lambda_permission" "unknown_principal" {
  action        = "lambda:InvokeFunction"
  function_name = "worker"
  principal     = var.principal
}
