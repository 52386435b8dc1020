# expect: ZT010
resource "aws_vpc" "no_flow_log" {
  cidr_block = "10.0.0.0/16"
}

# The flow log logs another VPC, and one names a VPC by a literal ID: neither covers "app".
# expect: ZT010
resource "aws_vpc" "app" {
  cidr_block = "10.1.0.0/16"
}

resource "aws_vpc" "logged" {
  cidr_block = "10.2.0.0/16"
}

resource "aws_flow_log" "logged" {
  vpc_id       = aws_vpc.logged.id
  traffic_type = "ALL"
}

resource "aws_flow_log" "literal" {
  vpc_id       = "vpc-0123456789abcdef0"
  traffic_type = "ALL"
}

# A flow log for a subnet of the VPC records only that subnet.
resource "aws_subnet" "app" {
  vpc_id     = aws_vpc.app.id
  cidr_block = "10.1.1.0/24"
}

resource "aws_flow_log" "subnet" {
  subnet_id    = aws_subnet.app.id
  traffic_type = "ALL"
}
