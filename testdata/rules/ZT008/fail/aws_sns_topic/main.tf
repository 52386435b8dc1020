# expect: ZT008
resource "aws_sns_topic" "missing" {
  name = "events"
}

resource "aws_sns_topic" "empty_key" {
  name              = "alerts"
  kms_master_key_id = "" # expect: ZT008
}
