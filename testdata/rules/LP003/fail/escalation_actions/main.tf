# Escalation actions by name, in another case, and through partial wildcards, in every
# identity policy type. A Condition on PassRole does not help: any role can still be passed.

resource "aws_iam_policy" "deployer" {
  name = "deployer"
  policy = jsonencode({ # expect: LP003
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "PassAnyRole"
        Effect    = "Allow"
        Action    = ["iam:PassRole", "ecs:RegisterTaskDefinition"]
        Resource  = "*"
        Condition = { StringEquals = { "iam:PassedToService" = "ecs-tasks.amazonaws.com" } }
      },
      { Effect = "Allow", Action = "iam:Attach*Policy", Resource = ["*"] },
    ]
  })
}

resource "aws_iam_user_policy" "keys" {
  name   = "keys"
  user   = "ci"
  policy = "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"IAM:CreateAccessKey\",\"Resource\":\"*\"}}" # expect: LP003
}

resource "aws_iam_group_policy" "assume" {
  name   = "assume"
  group  = "operators"
  # expect: LP003
  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*"}]
}
EOF
}

resource "aws_iam_role" "ops" {
  name = "ops"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "ec2.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })

  inline_policy {
    name = "policies"
    policy = jsonencode({ # expect: LP003
      Version   = "2012-10-17"
      Statement = [{ Effect = "Allow", Action = ["iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion", "iam:Put*"], Resource = "*" }]
    })
  }
}
