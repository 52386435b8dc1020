# An AWS access key id with its secret access key beside it, in one resource: the finding is
# on the secret access key.
resource "aws_lambda_function" "sync" {
  function_name = "sync"
  role          = "arn:aws:iam::123456789012:role/sync"
  handler       = "index.handler"
  runtime       = "python3.12"
  filename      = "sync.zip"

  environment {
    variables = {
      AWS_ACCESS_KEY_ID     = "AKIATENETFIXTURE0001"
      AWS_SECRET_ACCESS_KEY = "tenetFixture/NotARealSecretAccessKey0001" # expect: HY001
    }
  }
}

# Both in one script: the finding is on the attribute.
resource "aws_instance" "worker" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  # expect: HY001
  user_data     = <<-EOT
    #!/bin/sh
    export AWS_ACCESS_KEY_ID=AKIATENETFIXTURE0001
    export AWS_DEFAULT_REGION=eu-west-1
    aws configure set aws_secret_access_key tenetFixture/NotARealSecretAccessKey0001
  EOT
}
