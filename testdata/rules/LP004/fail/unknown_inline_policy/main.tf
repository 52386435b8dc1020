# The role's inline policies come from a variable without default (unknown): they are not
# judged, but the known trust policy still is.

variable "inline_policies" {
  type = map(string)
}

resource "aws_iam_role" "open" {
  name = "open"
  assume_role_policy = jsonencode({ # expect: LP004
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { AWS = "*" }, Action = "sts:AssumeRole" }]
  })

  dynamic "inline_policy" {
    for_each = var.inline_policies
    content {
      name   = inline_policy.key
      policy = inline_policy.value
    }
  }
}
