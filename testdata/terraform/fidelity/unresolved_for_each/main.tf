# A registry module (not installed: no .terraform/modules) expanded with for_each.
module "autoscaling" {
  source   = "terraform-aws-modules/autoscaling/aws"
  for_each = { "ex-1" = {}, "ex-2" = {} }
  name     = each.key
}

resource "aws_ssm_parameter" "asg" {
  name  = "asg"
  type  = "String"
  value = module.autoscaling["ex-1"].autoscaling_group_id
}
