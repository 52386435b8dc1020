# The remediation from the metadata: a narrower AWS managed policy and a scoped inline policy.

data "aws_iam_policy_document" "deploy" {
  statement {
    actions   = ["ecs:UpdateService"]
    resources = ["arn:aws:ecs:eu-west-1:123456789012:service/app/*"]
  }
}

resource "aws_iam_role_policy_attachment" "ci_read" {
  role       = "ci"
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

resource "aws_iam_role_policy" "ci_deploy" {
  name   = "deploy"
  role   = "ci"
  policy = data.aws_iam_policy_document.deploy.json
}
