# A Lambda permission for "*" without source_arn, source_account or principal_org_id: the
# finding points at `principal`.

resource "aws_lambda_permission" "anyone" {
  statement_id  = "AllowAnyone"
  action        = "lambda:InvokeFunction"
  function_name = "worker"
  principal     = "*" # expect: LP005
}

resource "aws_lambda_permission" "public_url" {
  action                 = "lambda:InvokeFunctionUrl"
  function_name          = "web"
  principal              = "*" # expect: LP005
  function_url_auth_type = "NONE"
}
