# Every HCL form here is valid Terraform that some parsers reject (see tests/terraform.rs).

variable "enabled" {
  default = true
}

variable "servers" {
  type = list(object({
    name = string
    port = optional(number, 80)
  }))
  default = [{ name = "a", port = 8080 }, { name = "b", port = 9090 }]
}

locals {
  # A conditional whose `?` and `:` start continuation lines inside parentheses.
  mode = (
    var.enabled
    ? "on"
    : "off"
  )

  # `&&` and `||` at the start of continuation lines.
  strict = (
    var.enabled
    && length(var.servers) > 1
    || false
  )

  # Comments inside a `for` expression.
  names = [
    for s in var.servers :
    # the name only
    // in upper case
    upper(s.name)
    if s.port > 0
  ]

  # Comments between function arguments.
  ports = concat(
    # first the defaults
    [80],
    // then the servers'
    [for s in var.servers : s.port],
  )

  # A heredoc with template directives.
  banner = <<-EOT
    %{ if var.enabled }enabled%{ else }disabled%{ endif }
    %{ for s in var.servers ~}
    ${s.name}:${s.port}
    %{ endfor ~}
  EOT

  # A provider-defined function: parsed, and its result is unknown.
  arn = provider::aws::arn_parse("arn:aws:iam::123456789012:role/x")
}

resource "aws_ssm_parameter" "forms" {
  name  = "forms"
  type  = "String"
  value = local.mode
  tags = {
    strict = local.strict
    names  = join(",", local.names)
    ports  = join(",", local.ports)
    banner = local.banner
    arn    = local.arn
    # A template that is one interpolation is the value itself, of any type.
    wrapped = "${local.names}"
  }
}

import {
  to = aws_ssm_parameter.forms
  id = "forms"
}

moved {
  from = aws_ssm_parameter.old
  to   = aws_ssm_parameter.forms
}

removed {
  from = aws_ssm_parameter.gone
  lifecycle {
    destroy = false
  }
}

check "parameter" {
  assert {
    condition     = aws_ssm_parameter.forms.value == "on"
    error_message = "mode is off"
  }
}

variable "users_in" {
  default = { ann = { admin = true }, bob = { admin = false } }
}

locals {
  # `?` and `:` starting continuation lines inside an object `for` expression (seen in
  # cloud-foundation-fabric's cloudsql-instance module).
  roles = {
    for k, v in var.users_in : k =>
    v.admin
    ? "admin"
    : "reader"
  }
}

resource "aws_ssm_parameter" "roles" {
  name  = "roles"
  type  = "String"
  value = local.roles["ann"]
}
