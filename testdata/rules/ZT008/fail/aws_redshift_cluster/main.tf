resource "aws_redshift_cluster" "explicit_false" {
  cluster_identifier = "warehouse"
  node_type          = "ra3.xlplus"
  master_username    = "admin"
  encrypted          = false # expect: ZT008
}
