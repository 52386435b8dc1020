# A wildcard principal with a Condition, a Deny for everyone, service and federated
# principals, and a wildcard in the role's inline policy (not its trust policy).

resource "aws_iam_role" "org" {
  name = "org"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = { AWS = "*" }
        Action    = "sts:AssumeRole"
        Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-a1b2c3d4e5" } }
      },
      { Effect = "Deny", Principal = "*", Action = "sts:AssumeRole" },
    ]
  })
}

resource "aws_iam_role" "github" {
  name = "github"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Principal = { Service = ["lambda.amazonaws.com", "edgelambda.amazonaws.com"] }, Action = "sts:AssumeRole" },
      {
        Effect    = "Allow"
        Principal = { Federated = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com" }
        Action    = "sts:AssumeRoleWithWebIdentity"
        Condition = { StringLike = { "token.actions.githubusercontent.com:sub" = "repo:acme/app:*" } }
      },
    ]
  })

  inline_policy {
    name = "public-bucket"
    policy = jsonencode({
      Version   = "2012-10-17"
      Statement = [{ Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = "arn:aws:s3:::site/*" }]
    })
  }
}
