# count and for_each give one resource per instance: one finding per instance.

resource "aws_iam_policy" "admins" {
  count = 2
  name  = "admin-${count.index}"
  policy = jsonencode({ # expect: LP001, LP001
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]
  })
}

resource "aws_iam_user_policy" "per_user" {
  for_each = {
    alice = "alice"
    bob   = "bob"
  }
  name   = "admin"
  user   = each.value
  policy = "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}" # expect: LP001, LP001
}
