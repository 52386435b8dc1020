# A module that calls itself: a diagnostic, never an endless recursion.
module "again" {
  source = "./"
}

resource "aws_sqs_queue" "q" {
  name = "q"
}
