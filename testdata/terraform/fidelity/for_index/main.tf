# A `for` variable indexing a resource with `count` (Azure AKS examples do this).
resource "aws_security_group" "sg" {
  count = 2
  name  = "sg-${count.index}"
}

locals {
  workers = { for i in range(2) : "w${i}" => { sg = aws_security_group.sg[i].id, n = i } }
}

resource "aws_instance" "worker" {
  for_each               = local.workers
  ami                    = "ami-12345678"
  instance_type          = "t3.micro"
  vpc_security_group_ids = [each.value.sg]
  tags                   = { n = each.value.n }
}
