# Form (a): the policy is a JSON string literal in HCL, with escaped quotes.

resource "aws_iam_policy" "admin" {
  name   = "admin"
  policy = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Sid\": \"Admin\", \"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}]}" # expect: LP001
}
