# A set of 1,048,576 strings: quadratic set construction took over 10 minutes.
locals {
  all = toset(flatten([for i in range(1024) : [for j in range(1024) : "${i}-${j}"]]))
}

resource "terraform_data" "count" {
  input = length(local.all)
}
