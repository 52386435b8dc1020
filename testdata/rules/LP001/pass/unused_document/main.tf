# A policy document that no resource uses is not reported: LP001 reports the resources that
# carry a policy, so that a shared document is not reported twice.

data "aws_iam_policy_document" "admin" {
  statement {
    actions   = ["*"]
    resources = ["*"]
  }
}
