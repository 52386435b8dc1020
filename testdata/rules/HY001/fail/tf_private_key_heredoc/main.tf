# A private key block in a heredoc: the finding is on the attribute's first line.
resource "aws_instance" "bastion" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  # expect: HY001
  user_data     = <<-EOT
    #!/bin/sh
    cat > /home/ec2-user/.ssh/id_rsa <<'KEY'
    -----BEGIN RSA PRIVATE KEY-----
    dGVuZXQgdGVzdCBmaXh0dXJlOiB0aGlzIGlzIG5vdCBhIHJlYWwgcHJpdmF0ZSBr
    ZXksIG9ubHkgaXRzIHNoYXBlLiB0ZW5ldCB0ZXN0IGZpeHR1cmU6IHRoaXMgaXMg
    bm90IGEgcmVhbCBwcml2YXRlIGtleSwgb25seSBpdHMgc2hhcGUuIHRlbmV0IHRl
    -----END RSA PRIVATE KEY-----
    KEY
  EOT
}

# Under a secret-like name the private key wins: one finding, naming the key.
resource "aws_secretsmanager_secret_version" "deploy_key" {
  secret_id     = "deploy-key"
  # expect: HY001
  secret_string = <<-EOT
    -----BEGIN OPENSSH PRIVATE KEY-----
    dGVuZXQgdGVzdCBmaXh0dXJlOiB0aGlzIGlzIG5vdCBhIHJlYWwgcHJpdmF0ZSBr
    ZXksIG9ubHkgaXRzIHNoYXBlLiB0ZW5ldCB0ZXN0IGZpeHR1cmU6IHRoaXMgaXMg
    -----END OPENSSH PRIVATE KEY-----
  EOT
}
