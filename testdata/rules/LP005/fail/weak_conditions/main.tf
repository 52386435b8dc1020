# Conditions that do not restrict the caller: an ...IfExists operator (a request without the
# key passes), Null (only tests presence), and keys outside the list (aws:SecureTransport).

resource "aws_s3_bucket_policy" "if_exists" {
  bucket = "reports"
  policy = jsonencode({ # expect: LP005
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::reports/*"
      Condition = {
        StringEqualsIfExists = { "aws:SourceVpce" = "vpce-0a1b2c3d" }
        Null                 = { "aws:PrincipalOrgID" = "false" }
        Bool                 = { "aws:SecureTransport" = "true" }
      }
    }]
  })
}
