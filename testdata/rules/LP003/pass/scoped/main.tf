# Scoped grants: escalation actions on specific ARNs, NotResource, Deny, read-only IAM
# actions on "*", and a wildcard that matches no escalation action.

resource "aws_iam_policy" "scoped" {
  name = "scoped"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = "sts:AssumeRole", Resource = "arn:aws:iam::123456789012:role/reader" },
      { Effect = "Allow", Action = "iam:CreateAccessKey", Resource = "arn:aws:iam::123456789012:user/$${aws:username}" },
      { Effect = "Allow", Action = "iam:PassRole", NotResource = "arn:aws:iam::123456789012:role/admin" },
      { Effect = "Deny", Action = "iam:PassRole", Resource = "*" },
      { Effect = "Allow", Action = ["iam:Get*", "iam:List*", "sts:GetCallerIdentity"], Resource = "*" },
    ]
  })
}
