# A data "aws_iam_policy_document": the finding is on the resource that uses its `json`.

data "aws_iam_policy_document" "trust_admin" {
  statement {
    sid       = "RewriteTrust"
    actions   = ["iam:UpdateAssumeRolePolicy", "iam:GetRole"]
    resources = ["*"]
  }
}

resource "aws_iam_role_policy" "trust_admin" {
  name   = "trust-admin"
  role   = "automation"
  policy = data.aws_iam_policy_document.trust_admin.json # expect: LP003
}
