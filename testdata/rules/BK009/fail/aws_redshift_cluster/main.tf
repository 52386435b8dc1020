resource "aws_redshift_cluster" "skipped" {
  cluster_identifier  = "warehouse"
  node_type           = "ra3.xlplus"
  skip_final_snapshot = true # expect: BK009
}
