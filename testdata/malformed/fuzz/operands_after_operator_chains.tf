source = "./= ./= "*"
 _nua drge       Ber"+ {
  source = "./= "*"
  destinoin_port_rt_nraocal.names)
   #obje/ct({ retention= var000000000000000000000000000000000 ./= "*"
 _nua drge       Tker"+ {
  source = "./= "*"
  destinoin_port_rt_nraocal.names)
   #obje/ct({ retention= var000000000000000000000000000000000,001024819115206]
6200.seion= var000000000000000000000000000000000,001024819115206086200.settanes  = join0000000000000000000000000,10024819115206086200.seion= var00000000000000000000000 00000000000000000000000 ./= "*"
 _nua drge       Tker"+ {
  source = "./= "*"
  des_port_rt   Tker"+ {
  source = "./= #er"+ {
  source = "./= ./= "*"
 _nua drge       Tker"+ {
  source = "./= "*"
  \\\\\\\\ua drge       Tker"+ {
  source = "./= "*"
  destinoin_port_rt_nraocal.names)
   #obje/ct({ retention= var000000000000000000000000000000000,001024819115206]
6200.seion= var000000000000000000000000000000000,001024819115206086200.settanes  = join00000000000000000t   Tker"+ {
  source = "./= #er"+ {
  source = "./= ./= "*"
 00000000,10024819115206086200.seion= var00000000000000000000000000000000000000000000000 ./= "*"
 _nua drge       Tker"+ {
  source = "./= "*"
  destinoin_port_rt_nraocal.names)
   #obje/ct({ retinoin_port_rt_nraocal.names)
   #obje/ct({ retention= var000000000000000000000000000000000,001024819115206]
6200.seion= var000000000000000000000000000000000,001024819115206086200.settanes  = join0000000000000000000000s000,10024819115206086200.seion= var000000000000000000000000000000ge           = "*"
  d"*"
  de_range       Tker" }+ {
  source = "./= "*"
  destinoin_port_rt   Tker"+ {
  source = "./= #er"+ {
  source = "./= ./= "*"
 _nua drge       Tker"+ {
  source = "./= "*"
  \\\\\\\\\\\\206086200.seion= var000000000000000;000000000000000ge           = "*"
  d"*"
  de_range       Tker" }+ {
  source = "./= "*"
  destinoin_port_rt   Tker"+ {
  source = "./= #er"+ {
  source = "./= ./= "*"
 _nua drge       Tker"+ {
  source = "./= "*"
  \\\\\\\\ua drge       Tker"+ {
  source = "./= "*"
  destinoin_port_rt_nraocal.names)
   #obje/ct({ retention= var000000000000000000000000000000000,001024819115206]
6200.seion= var000000000000000000000000000000000,001024819115206086200.settanes  = join0000000000000000000000000,10024819115206086200.seion= var00000000000000000000000000000000000000000000000 ./= "*"
 _nua drge       Tker"+ {
  source = "./= "*"
  destinoin_port_rt_nraocal.names)
   #obje/ct({ retention= var000000000000000000000000000000000,001024819115206]
6200.seion= var000000000000000000000000000000000,001024819115206086200.settanes  = join0000000000000000000000s000,10024819115206086200.seion= var000000000000000000000000000000ge           = "*"
  d"*"
  de_range       Tker" }+ {
  source = "./= "*"
  destinoin_port_rt   Tker"+ {
  source = "./= #er"+ {
  source = "./= ./= "*"
 _nua drge       Tker"+ {
  source = "./= "*"
  \\\\\\\\\\\\206086200.seion= var000000000000000;000000000000000ge           = "*"
  d"*"
  de_range       Tker" }+ {
  source = "./= "*"
  destinoin_port_rt   Tker"+ {
  source = "./= #er"+ {
  source = "./= ./= "*"
 _nua drge       Tker"+ {
  source = "./= "*"
  \\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\destinoin_port_rt_nrage           = "*"
  \\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\destinoin_port_rt_nrage           = "*"
  d"*"
  de_range       Tker" }+ {
  source = "./= "*"
  destinives.
  banner = <<-EOT
    %{ if var.enabled }enabled%{ else }disabled%{ endif }
    [for s ins.servers : s.port],
  )

  # A heredoc with templater= reject (see tests/t}

res 22
    to_port     = 2*defEz
}
