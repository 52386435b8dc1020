# expect: BK008
resource "aws_dynamodb_table" "missing" {
  name         = "sessions"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }
}

resource "aws_dynamodb_table" "explicit_false" {
  name                        = "carts"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "id"
  deletion_protection_enabled = false # expect: BK008

  attribute {
    name = "id"
    type = "S"
  }
}

# deletion_protection is not an argument of aws_dynamodb_table: it protects nothing.
# expect: BK008
resource "aws_dynamodb_table" "wrong_argument" {
  name                = "orders"
  billing_mode        = "PAY_PER_REQUEST"
  hash_key            = "id"
  deletion_protection = true

  attribute {
    name = "id"
    type = "S"
  }
}
