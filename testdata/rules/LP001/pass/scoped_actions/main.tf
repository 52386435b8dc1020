# Scoped actions in every policy form: a JSON string, a heredoc, jsonencode() and a policy
# document. Service-wide wildcards such as s3:* are LP002's business, not LP001's.

resource "aws_iam_policy" "string" {
  name   = "string"
  policy = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}]}"
}

resource "aws_iam_policy" "heredoc" {
  name   = "heredoc"
  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [{"Effect": "Allow", "Action": ["ec2:Describe*"], "Resource": "*"}]
}
EOF
}

resource "aws_iam_role_policy" "jsonencode" {
  name = "jsonencode"
  role = "app"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["s3:*"], Resource = "*" }]
  })
}

data "aws_iam_policy_document" "scoped" {
  statement {
    actions   = ["sqs:SendMessage", "sqs:ReceiveMessage"]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "document" {
  name   = "document"
  policy = data.aws_iam_policy_document.scoped.json
}
