# Every resource-policy type with an unconditioned wildcard principal, in the forms "*",
# {"AWS": "*"} and {"AWS": [..., "*"]}.

resource "aws_s3_bucket_policy" "site" {
  bucket = "site"
  policy = jsonencode({ # expect: LP005
    Version = "2012-10-17"
    Statement = [
      { Sid = "PublicRead", Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = "arn:aws:s3:::site/*" },
      { Sid = "DenyHttp", Effect = "Deny", Principal = "*", Action = "s3:*", Resource = "arn:aws:s3:::site/*", Condition = { Bool = { "aws:SecureTransport" = "false" } } },
    ]
  })
}

resource "aws_sqs_queue_policy" "jobs" {
  queue_url = "https://sqs.eu-west-1.amazonaws.com/123456789012/jobs"
  policy = jsonencode({ # expect: LP005
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { AWS = "*" }, Action = ["sqs:SendMessage", "sqs:ReceiveMessage"], Resource = "arn:aws:sqs:eu-west-1:123456789012:jobs" }]
  })
}

resource "aws_sns_topic_policy" "alerts" {
  arn    = "arn:aws:sns:eu-west-1:123456789012:alerts"
  policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"arn:aws:iam::111122223333:root\",\"*\"]},\"Action\":\"SNS:Publish\",\"Resource\":\"arn:aws:sns:eu-west-1:123456789012:alerts\"}]}" # expect: LP005
}

resource "aws_kms_key" "shared" {
  description = "shared"
  policy = jsonencode({ # expect: LP005
    Version = "2012-10-17"
    Statement = [
      { Sid = "Root", Effect = "Allow", Principal = { AWS = "arn:aws:iam::123456789012:root" }, Action = "kms:*", Resource = "*" },
      { Sid = "Anyone", Effect = "Allow", Principal = { AWS = "*" }, NotAction = "kms:ScheduleKeyDeletion", Resource = "*" },
    ]
  })
}

resource "aws_ecr_repository_policy" "images" {
  repository = "images"
  # expect: LP005
  policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [{
        "Sid": "PullFromAnywhere",
        "Effect": "Allow",
        "Principal": "*",
        "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
      }]
    }
  EOT
}
