# count on both sides: each flow log instance refers to its own VPC instance, also through
# try() as in the community VPC module.

resource "aws_vpc" "this" {
  count      = 2
  cidr_block = "10.${count.index}.0.0/16"
}

resource "aws_flow_log" "this" {
  count        = 2
  vpc_id       = try(aws_vpc.this[count.index].id, "")
  traffic_type = "ALL"
}
