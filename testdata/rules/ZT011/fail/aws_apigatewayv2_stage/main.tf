# expect: ZT011
resource "aws_apigatewayv2_stage" "default" {
  api_id      = "a1b2c3d4e5"
  name        = "$default"
  auto_deploy = true
}
