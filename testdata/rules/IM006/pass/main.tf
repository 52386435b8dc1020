variable "lifetime" {
  type = number
}

resource "aws_autoscaling_group" "weekly" {
  min_size              = 1
  max_size              = 3
  max_instance_lifetime = 604800
}

resource "aws_autoscaling_group" "daily" {
  min_size              = 1
  max_size              = 3
  max_instance_lifetime = 86400
}

# Unknown: undecided.
resource "aws_autoscaling_group" "unknown" {
  min_size              = 1
  max_size              = 3
  max_instance_lifetime = var.lifetime # undecided: IM006
}
