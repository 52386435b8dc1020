# The key policy AWS documents for EBS: any principal of the account, through EC2 only.
# kms:CallerAccount restricts the caller to one account, as aws:PrincipalAccount does.
resource "aws_kms_key" "ebs" {
  description = "ebs"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "ViaEc2"
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = ["kms:Encrypt", "kms:Decrypt"]
      Resource  = "*"
      Condition = { StringEquals = { "kms:CallerAccount" = "123456789012", "kms:ViaService" = "ec2.eu-west-1.amazonaws.com" } }
    }]
  })
}
