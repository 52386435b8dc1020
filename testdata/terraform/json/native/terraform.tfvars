ports       = [80, 443]
environment = "prod"
