# Every form of the wildcard principal: "*", {"AWS": "*"}, an AWS list containing "*" (as a
# heredoc), and an empty Condition, which restricts nothing.

resource "aws_iam_role" "string_principal" {
  name = "string-principal"
  assume_role_policy = jsonencode({ # expect: LP004
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = "*", Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role" "aws_principal" {
  name = "aws-principal"
  assume_role_policy = jsonencode({ # expect: LP004
    Version = "2012-10-17"
    Statement = [
      { Sid = "Ec2", Effect = "Allow", Principal = { Service = "ec2.amazonaws.com" }, Action = "sts:AssumeRole" },
      { Sid = "Anyone", Effect = "Allow", Principal = { AWS = "*" }, Action = "sts:AssumeRole", Condition = {} },
    ]
  })
}

resource "aws_iam_role" "aws_list" {
  name = "aws-list"
  # expect: LP004
  assume_role_policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": {
        "Effect": "Allow",
        "Principal": {"AWS": ["arn:aws:iam::111122223333:root", "*"]},
        "Action": ["sts:AssumeRole", "sts:TagSession"]
      }
    }
  EOT
}
