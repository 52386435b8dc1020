resource "aws_kinesis_stream" "none" {
  name            = "clicks"
  shard_count     = 1
  encryption_type = "NONE" # expect: ZT008
}

# expect: ZT008
resource "aws_kinesis_stream" "missing" {
  name        = "events"
  shard_count = 1
}
