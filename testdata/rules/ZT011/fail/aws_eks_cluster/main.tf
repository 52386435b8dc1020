# expect: ZT011
resource "aws_eks_cluster" "no_logs" {
  name     = "dev"
  role_arn = "arn:aws:iam::111122223333:role/eks"

  vpc_config {
    subnet_ids = ["subnet-1", "subnet-2"]
  }
}

resource "aws_eks_cluster" "api_only" {
  name                      = "prod"
  role_arn                  = "arn:aws:iam::111122223333:role/eks"
  enabled_cluster_log_types = ["api", "authenticator"] # expect: ZT011

  vpc_config {
    subnet_ids = ["subnet-1", "subnet-2"]
  }
}

resource "aws_eks_cluster" "empty" {
  name                      = "test"
  role_arn                  = "arn:aws:iam::111122223333:role/eks"
  enabled_cluster_log_types = [] # expect: ZT011

  vpc_config {
    subnet_ids = ["subnet-1", "subnet-2"]
  }
}
