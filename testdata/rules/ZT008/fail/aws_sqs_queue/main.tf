resource "aws_sqs_queue" "sse_off" {
  name                    = "orders"
  sqs_managed_sse_enabled = false # expect: ZT008
}
