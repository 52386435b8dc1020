variable "global" {
  type = bool
}

variable "tier" {
  type = string
}

variable "name" {
  type = string
}

resource "aws_ssm_parameter" "p" {
  name = "p"
  # Unknown condition, known branches: both values listed.
  type = var.global ? "String" : "SecureString"
  # Nested conditionals: every leaf, once.
  tier = var.tier == "a" ? "Standard" : (var.tier == "b" ? "Advanced" : "Standard")
  # A branch is unknown: nothing listed.
  value = var.global ? var.name : "fixed"
  # A known condition: the value is known, nothing to list.
  description = true ? "one" : "two"
}
