# Form (b): the policy is a heredoc. Statement is a single object and Action/Resource are
# lists that contain "*"; the finding points at the first line of the attribute.

resource "aws_iam_user_policy" "ops" {
  name = "ops"
  user = "ops"
  # expect: LP001
  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": {
    "Effect": "Allow",
    "Action": ["ec2:DescribeInstances", "*"],
    "Resource": ["*"]
  }
}
EOF
}
