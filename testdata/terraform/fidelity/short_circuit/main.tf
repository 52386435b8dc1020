# Terraform 1.12 and later short-circuit `&&` and `||`: the side that cannot change the result
# is not an error (fabric's agent-engine and binauthz modules rely on this).
variable "package" {
  type = object({
    enabled = optional(bool, true)
  })
  default = null
}

resource "aws_instance" "optional" {
  count         = var.package != null && var.package.enabled ? 1 : 0
  ami           = "ami-12345678"
  instance_type = "t3.micro"
}

resource "aws_ssm_parameter" "flags" {
  name  = "flags"
  type  = "String"
  value = var.package == null || var.package.enabled ? "on" : "off"
}
