# Lambda permissions restricted by source_arn, source_account or principal_org_id, one whose
# source_arn is unknown (it is set, so it restricts), and a service principal.

variable "bucket_arn" {
  type = string
}

resource "aws_lambda_permission" "from_bucket" {
  action         = "lambda:InvokeFunction"
  function_name  = "worker"
  principal      = "*"
  source_arn     = "arn:aws:s3:::uploads"
  source_account = "123456789012"
}

resource "aws_lambda_permission" "from_account" {
  action         = "lambda:InvokeFunction"
  function_name  = "worker"
  principal      = "*"
  source_account = "123456789012"
}

resource "aws_lambda_permission" "from_org" {
  action           = "lambda:InvokeFunction"
  function_name    = "worker"
  principal        = "*"
  principal_org_id = "o-a1b2c3d4e5"
}

resource "aws_lambda_permission" "unknown_source" {
  action        = "lambda:InvokeFunction"
  function_name = "worker"
  principal     = "*"
  source_arn    = var.bucket_arn
}

resource "aws_lambda_permission" "service" {
  action        = "lambda:InvokeFunction"
  function_name = "worker"
  principal     = "s3.amazonaws.com"
  source_arn    = "arn:aws:s3:::uploads"
}
