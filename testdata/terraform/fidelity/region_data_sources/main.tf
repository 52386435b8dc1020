variable "region" {
  type = string
}

provider "aws" {
  region = "eu-west-1"
}

provider "aws" {
  alias  = "china"
  region = "cn-north-1"
}

provider "aws" {
  alias  = "unknown"
  region = var.region
}

data "aws_partition" "current" {}

data "aws_region" "current" {}

data "aws_partition" "china" {
  provider = aws.china
}

data "aws_partition" "unknown" {
  provider = aws.unknown
}

resource "aws_iam_role_policy_attachment" "monitoring" {
  role       = "monitoring"
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole"
}

resource "aws_ssm_parameter" "where" {
  name  = "where"
  type  = "String"
  value = "${data.aws_region.current.name}.${data.aws_partition.current.dns_suffix}"
}

resource "aws_ssm_parameter" "china" {
  name  = "china"
  type  = "String"
  value = data.aws_partition.china.partition
}

resource "aws_ssm_parameter" "unknown" {
  name  = "unknown"
  type  = "String"
  value = data.aws_partition.unknown.partition
}
