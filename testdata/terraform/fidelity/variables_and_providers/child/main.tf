variable "label" {
  type    = string
  default = "unused-default"
}

resource "aws_sqs_queue" "q" {
  name = var.label
}
