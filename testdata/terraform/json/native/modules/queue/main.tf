variable "name" {
  type = string
}

variable "settings" {
  type = object({ retention = number, fifo = bool })
}

resource "aws_sqs_queue" "this" {
  name                      = var.name
  message_retention_seconds = var.settings.retention
  fifo_queue                = var.settings.fifo
  sqs_managed_sse_enabled   = true
}

output "arn" {
  value = aws_sqs_queue.this.arn
}
