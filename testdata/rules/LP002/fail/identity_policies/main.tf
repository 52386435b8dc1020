# Every identity policy form: jsonencode, heredoc, a JSON string and an inline_policy block.
# One finding per document, on the attribute that holds it.

resource "aws_iam_policy" "storage" {
  name = "storage"
  policy = jsonencode({ # expect: LP002
    Version = "2012-10-17"
    Statement = [
      { Sid = "Objects", Effect = "Allow", Action = ["s3:*", "kms:Decrypt"], Resource = "*" },
      { Sid = "Keys", Effect = "Allow", Action = "KMS:*", Resource = ["arn:aws:kms:eu-west-1:123456789012:key/1", "*"] },
    ]
  })
}

resource "aws_iam_user_policy" "ops" {
  name   = "ops"
  user   = "ops"
  # expect: LP002
  policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": {"Effect": "Allow", "Action": "ec2:*", "Resource": "*"}
    }
  EOT
}

resource "aws_iam_group_policy" "admins" {
  name   = "admins"
  group  = "admins"
  policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"iam:*\"],\"Resource\":[\"*\"]}]}" # expect: LP002
}

resource "aws_iam_role" "app" {
  name = "app"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "ec2.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })

  inline_policy {
    name = "queues"
    policy = jsonencode({ # expect: LP002
      Version   = "2012-10-17"
      Statement = [{ Effect = "Allow", Action = "sqs:*", Resource = "*" }]
    })
  }
}
