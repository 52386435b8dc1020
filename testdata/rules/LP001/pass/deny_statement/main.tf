# Deny statements and statements without Effect grant nothing, however broad they are.

resource "aws_iam_policy" "guardrail" {
  name = "guardrail"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Deny", Action = "*", Resource = "*", Condition = { Bool = { "aws:SecureTransport" = "false" } } },
      { Effect = "Deny", NotAction = ["s3:GetObject"], Resource = "*" },
    ]
  })
}

data "aws_iam_policy_document" "deny" {
  statement {
    effect    = "Deny"
    actions   = ["*"]
    resources = ["*"]
  }
}

resource "aws_iam_group_policy" "deny" {
  name   = "deny"
  group  = "contractors"
  policy = data.aws_iam_policy_document.deny.json
}

# IAM requires Effect: without it the statement is not an Allow.
resource "aws_iam_user_policy" "no_effect" {
  name   = "no-effect"
  user   = "bob"
  policy = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Action\": \"*\", \"Resource\": \"*\"}]}"
}
