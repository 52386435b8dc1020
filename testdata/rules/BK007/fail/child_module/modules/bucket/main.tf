variable "name" {
  type = string
}

# expect: BK007
resource "aws_s3_bucket" "this" {
  bucket = var.name
}
