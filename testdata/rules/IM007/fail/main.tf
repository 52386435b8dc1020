resource "aws_launch_template" "web" {
  name_prefix = "web-"
}

resource "aws_autoscaling_group" "latest" {
  min_size = 1
  max_size = 3
  launch_template {
    id      = aws_launch_template.web.id
    version = "$Latest" # expect: IM007
  }
}

resource "aws_autoscaling_group" "no_version" {
  min_size = 1
  max_size = 3
  launch_template { # expect: IM007
    id = aws_launch_template.web.id
  }
}

resource "aws_autoscaling_group" "mixed" {
  min_size = 1
  max_size = 3
  mixed_instances_policy {
    launch_template {
      launch_template_specification {
        launch_template_id = aws_launch_template.web.id
        version            = "$Default" # expect: IM007
      }
    }
  }
}

resource "aws_instance" "latest" {
  launch_template {
    name    = "web"
    version = "$Latest" # expect: IM007
  }
}

resource "aws_eks_node_group" "workers" {
  cluster_name  = "main"
  node_role_arn = "arn:aws:iam::123456789012:role/workers"
  subnet_ids    = ["subnet-1"]
  launch_template {
    id      = aws_launch_template.web.id
    version = "$Latest" # expect: IM007
  }
  scaling_config {
    desired_size = 1
    max_size     = 2
    min_size     = 1
  }
}
