# EKS: the public endpoint is on by default, and without public_access_cidrs (or with an
# empty list) EKS allows 0.0.0.0/0.

resource "aws_eks_cluster" "defaults" {
  name     = "defaults"
  role_arn = "arn:aws:iam::123456789012:role/eks"

  # expect: ZT016
  vpc_config {
    subnet_ids = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  }
}

resource "aws_eks_cluster" "explicit_world" {
  name     = "explicit-world"
  role_arn = "arn:aws:iam::123456789012:role/eks"

  vpc_config {
    subnet_ids              = ["subnet-0123456789abcdef0"]
    endpoint_private_access = true
    endpoint_public_access  = true
    public_access_cidrs = [
      "203.0.113.0/24",
      "0.0.0.0/0", # expect: ZT016
    ]
  }
}

resource "aws_eks_cluster" "empty_list" {
  name     = "empty-list"
  role_arn = "arn:aws:iam::123456789012:role/eks"

  vpc_config {
    subnet_ids             = ["subnet-0123456789abcdef0"]
    endpoint_public_access = "true"
    public_access_cidrs    = [] # expect: ZT016
  }
}
