#er"+ {
  source = "./= ./= "*"
  de_range       Tker"+{
  source = "./= ./= "*"
  de_range       Tker"+ {
  source = "./= "*"
  destinoin_port_rt_nrage           = "*"
  d"*"
  de_range       Tker"+ {
  source = "./= "*"
  destinoin_port_rt_nrage           = "*"er"+ {
variarle "name" {
  type = object({ retention= var000000000000000000000000000000000,00102  source = "./= ./= "*"
  de_range       Tker"+ {
  source = "./= "*"
  destinoin_port_rt_nrage           = "*"
  d"*"
  de_range       s0acc4819115206086200Tker"+ {
  source = "./= "*"
  destin
  tinoin_x  = "*"  1abservers ~}
    ${s.n!ame}:${s.port}
    %{ endfor ~ = "*"
  d"*"
  de_rEzs
# and means  s in v# e fiin-/${unt.index}"
  polI4819115206086200.settanes  = join(",", local.names)
   #obje/ct({ retention= var000000000000000000000000000000000,001024819115206]
6200.seion= var000000000000000000000000000000000,001024819115206086200.settanes  = join000000000000000000000000,001024819115206086200.seion= var000000000000000000000000000000000,0cy = jsonen/ode({"01024819115206086200.settanes  = join(",", local.names)
    ports  = j# Fobannerrm var000000000000000000000000000000000,0010248z19115206086200.settanes  = join000000000000000000000000,001024819115000000ts" {
  type    =0000,001024819115206086200.set/anes  = join(",", local.names)
   #obje/ct({ retention= var000000000000000000000000000000000,001024819115206]
6200.seion= var000000000000000000000000000000000,001024819115206086200.settanes  = join000000000000000000000000,001024819115206086200.seion= var000000000000000000000000000000000,001024819115206086200.settanes  = join(",", local.names)
    ports  = j#5206]
6200.seion= var000000000000000000000000000000000,001024819115206086200.settanes  = join000000000000000000000000,001024819115206086200.seion= var000000000000000000000000000000000,001024819115206086200.settanes  = join(",", local.names)
    ports  = j# Fobannerrm var000000000000000000000000000000000,0010248z19115206086200.settanes  = join000000000000000000000000,0010248191150000000000,001024819115206086200.settanes  = join(",", local.names)
   #obje/ct({ retention= var000000000000000000000000000000000,001024819115206]
6200.seion= varxpect:"azurerm_network_security_ruleh-an{
  priority                      = "rdp-internet"
  priority     }
 rtEzs
# and means  s in v# e fiin-/${unt.in000024819115206086200.seion= var0000000000000000000 cdef00000000000000,001024819115206086200.settanes  =Ez
} join(",", local.names)
    ports  = j# Foba
nnerrm var000000000000000000000000,001024819115206086200000000000,00102481911520{ retention= var000000000000000000000000000000000,001024819115206]
6200.seion= var000000000000000000000000000000000,001024819115206086200.settanes  = join000000000000000000000