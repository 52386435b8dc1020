# Trust policies tenet cannot know statically are never judged but reported as undecided.

variable "trust_policy" {
  type = string
}

variable "principal" {
  type = string
}

resource "aws_iam_role" "from_variable" {
  name               = "from-variable"
  assume_role_policy = var.trust_policy # undecided: LP004
}

resource "aws_iam_role" "unknown_principal" {
  name = "unknown-principal"
  # undecided: LP004
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { AWS = var.principal }, Action = "sts:AssumeRole" }]
  })
}
