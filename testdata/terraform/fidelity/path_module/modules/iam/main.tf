resource "aws_iam_policy" "admin" {
  name   = "admin"
  policy = file("${path.module}/admin.json")
}

output "module_path" {
  value = path.module
}
