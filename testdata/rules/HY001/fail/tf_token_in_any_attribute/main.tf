# Token formats are found in any attribute, whatever its name.
resource "aws_instance" "runner" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  user_data     = "git clone https://x-access-token:ghp_0123456789abcdefghijklmnopqrstuvwxyz@github.com/acme/app.git" # expect: HY001
}

resource "null_resource" "notify" {
  triggers = {
    gitlab = "glpat-tenetFixtureNotARealOne01" # expect: HY001
    slack  = "curl -H 'Authorization: Bearer xoxb-1234567890-0987654321-tenetFixtureNotAReal' https://slack.com/api/chat.postMessage" # expect: HY001
  }
}

data "http" "releases" {
  url = "https://api.github.com/repos/acme/app/releases"
  request_headers = {
    Accept = "application/vnd.github+json"
    Auth   = "Bearer github_pat_0123456789abcdefghijkl_0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVW" # expect: HY001
  }
}
