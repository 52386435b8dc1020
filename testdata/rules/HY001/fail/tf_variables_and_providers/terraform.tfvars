from_tfvars_password = "Tfv4rs-pa55word-2024"
