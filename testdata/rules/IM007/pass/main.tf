# A version number, or the version this plan creates (unknown until apply, but a number).
variable "version" {
  type = string
}

variable "templates" {
  type = list(string)
}

resource "aws_launch_template" "web" {
  name_prefix = "web-"
}

resource "aws_autoscaling_group" "pinned" {
  min_size = 1
  max_size = 3
  launch_template {
    id      = aws_launch_template.web.id
    version = aws_launch_template.web.latest_version
  }
}

resource "aws_instance" "numbered" {
  launch_template {
    name    = "web"
    version = "3"
  }
}

resource "aws_autoscaling_group" "launch_configuration" {
  min_size             = 1
  max_size             = 3
  launch_configuration = "legacy"
}

# A version from a variable without default: undecided.
resource "aws_eks_node_group" "workers" {
  cluster_name  = "main"
  node_role_arn = "arn:aws:iam::123456789012:role/workers"
  subnet_ids    = ["subnet-1"]
  launch_template {
    id      = aws_launch_template.web.id
    version = var.version # undecided: IM007
  }
  scaling_config {
    desired_size = 1
    max_size     = 2
    min_size     = 1
  }
}

# A launch_template block over an unknown list: undecided.
resource "aws_autoscaling_group" "dynamic_template" { # undecided: IM007
  min_size = 1
  max_size = 3
  dynamic "launch_template" {
    for_each = var.templates
    content {
      name = launch_template.value
    }
  }
}
