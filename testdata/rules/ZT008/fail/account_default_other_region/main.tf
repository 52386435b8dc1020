# EBS encryption by default is enabled in one region only: a volume created through another
# provider configuration (another region) is not covered.

provider "aws" {
  region = "eu-west-1"
}

provider "aws" {
  alias  = "dr"
  region = "eu-central-1"
}

resource "aws_ebs_encryption_by_default" "this" {
  enabled = true
}

resource "aws_ebs_volume" "covered" {
  availability_zone = "eu-west-1a"
  size              = 100
}

# expect: ZT008
resource "aws_ebs_volume" "dr" {
  provider          = aws.dr
  availability_zone = "eu-central-1a"
  size              = 100
}
