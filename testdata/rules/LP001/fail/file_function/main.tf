# The policy is read from a JSON file inside the module with file(): the finding points at
# the attribute that reads it.

resource "aws_iam_policy" "break_glass" {
  name   = "break-glass"
  policy = file("${path.module}/admin.json") # expect: LP001
}
