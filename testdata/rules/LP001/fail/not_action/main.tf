# NotAction in an Allow statement on resource "*": everything except a few actions is
# administrator access for practical purposes.

resource "aws_iam_policy" "power_user" {
  name = "power-user"
  policy = jsonencode({ # expect: LP001
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      NotAction = ["iam:*", "organizations:*"]
      Resource  = "*"
    }]
  })
}

data "aws_iam_policy_document" "not_action" {
  statement {
    not_actions = ["iam:*"]
    resources   = ["*"]
  }
}

# The data source's effect defaults to Allow.
resource "aws_iam_policy" "from_document" {
  name   = "from-document"
  policy = data.aws_iam_policy_document.not_action.json # expect: LP001
}
