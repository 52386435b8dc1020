# expect: IM006
resource "aws_autoscaling_group" "forever" {
  min_size = 1
  max_size = 3
}

resource "aws_autoscaling_group" "zero" {
  min_size              = 1
  max_size              = 3
  max_instance_lifetime = 0 # expect: IM006
}

resource "aws_autoscaling_group" "monthly" {
  min_size              = 1
  max_size              = 3
  max_instance_lifetime = 2592000 # expect: IM006
}
