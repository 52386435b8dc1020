//! IP network functions (`cidrhost`, `cidrsubnet`, …): Terraform's fork of Go's
//! `net.ParseCIDR` and the go-cidr package.

use super::*;

/// A parsed CIDR prefix: the masked network address in an integer of `bits` (32 or 128).
#[derive(Clone, Copy)]
pub(super) struct Network {
    addr: u128,
    prefix: u32,
    bits: u32,
}

impl Network {
    /// Parsed as IPv6 but holding an IPv4-mapped address (`::ffff:a.b.c.d`), which Go
    /// prints as IPv4.
    fn mapped(&self) -> bool {
        self.bits == 128 && self.addr >> 32 == 0xffff
    }
}

pub(super) fn width_mask(bits: u32) -> u128 {
    if bits >= 128 {
        u128::MAX
    } else {
        (1u128 << bits) - 1
    }
}

/// The netmask of a `prefix`-bit prefix in a `bits`-bit address.
pub(super) fn prefix_mask(prefix: u32, bits: u32) -> u128 {
    let width = width_mask(bits);
    if prefix >= bits {
        width
    } else {
        width & !(width >> prefix)
    }
}

/// Go's `net.ParseCIDR` as Terraform forked it (IPv4 octets may have leading zeros).
pub(super) fn parse_cidr(text: &str) -> Result<Network, CallError> {
    let error = || {
        CallError::Invalid(format!(
            "invalid CIDR expression: invalid CIDR address: {text}"
        ))
    };
    let (address, mask) = text.split_once('/').ok_or_else(error)?;
    let (addr, bits) = match parse_ipv4(address) {
        Some(v4) => (u128::from(v4), 32),
        None => (parse_ipv6(address).ok_or_else(error)?, 128),
    };
    let prefix = go_dtoi(mask).ok_or_else(error)?;
    if prefix > bits {
        return Err(error());
    }
    Ok(Network {
        addr: addr & prefix_mask(prefix, bits),
        prefix,
        bits,
    })
}

pub(super) fn parse_ipv4(text: &str) -> Option<u32> {
    let mut octets = text.split('.');
    let mut addr = 0u32;
    for _ in 0..4 {
        let value = go_dtoi(octets.next()?)?;
        if value > 255 {
            return None;
        }
        addr = (addr << 8) | value;
    }
    octets.next().is_none().then_some(addr)
}

/// Go's `dtoi` over a whole string: decimal digits (leading zeros allowed) below 0xFFFFFF.
pub(super) fn go_dtoi(text: &str) -> Option<u32> {
    go_digits(text, 10)
        .filter(|(_, len)| *len == text.len())
        .map(|(n, _)| n)
}

/// Go's `dtoi`/`xtoi`: the value of the leading digits in `base` and how many there are;
/// `None` without digits or once the value reaches 0xFFFFFF.
pub(super) fn go_digits(text: &str, base: u32) -> Option<(u32, usize)> {
    let mut n = 0u32;
    let mut len = 0;
    for c in text.chars() {
        let Some(d) = c.to_digit(base) else { break };
        n = n * base + d;
        if n >= 0x00ff_ffff {
            return None;
        }
        len += 1;
    }
    (len > 0).then_some((n, len))
}

/// Go's `parseIPv6` (with an optional trailing dotted IPv4 part).
pub(super) fn parse_ipv6(text: &str) -> Option<u128> {
    let mut groups: Vec<u16> = Vec::with_capacity(8);
    let mut ellipsis: Option<usize> = None;
    let mut s = text;
    if let Some(rest) = s.strip_prefix("::") {
        ellipsis = Some(0);
        s = rest;
        if s.is_empty() {
            return Some(0);
        }
    }
    while groups.len() < 8 {
        let (value, hex_len) = go_digits(s, 16)?;
        if value > 0xffff {
            return None;
        }
        if s.as_bytes().get(hex_len) == Some(&b'.') {
            if (ellipsis.is_none() && groups.len() != 6) || groups.len() > 6 {
                return None;
            }
            let v4 = parse_ipv4(s)?;
            groups.push((v4 >> 16) as u16);
            groups.push(v4 as u16);
            s = "";
            break;
        }
        groups.push(u16::try_from(value).ok()?);
        s = s.get(hex_len..)?;
        if s.is_empty() {
            break;
        }
        s = s.strip_prefix(':')?;
        if s.is_empty() {
            return None;
        }
        if let Some(rest) = s.strip_prefix(':') {
            if ellipsis.is_some() {
                return None;
            }
            ellipsis = Some(groups.len());
            s = rest;
            if s.is_empty() {
                break;
            }
        }
    }
    if !s.is_empty() {
        return None;
    }
    match ellipsis {
        Some(at) if groups.len() < 8 => {
            let tail = groups.split_off(at);
            groups.resize(8 - tail.len(), 0);
            groups.extend(tail);
        }
        Some(_) => return None,
        None if groups.len() < 8 => return None,
        None => {}
    }
    Some(
        groups
            .iter()
            .fold(0u128, |acc, g| (acc << 16) | u128::from(*g)),
    )
}

/// Go's `net.IP.String()`: dotted quad for IPv4 (and IPv4-mapped IPv6), RFC 5952 for IPv6.
pub(super) fn format_ip(addr: u128, bits: u32) -> String {
    if bits == 32 || addr >> 32 == 0xffff {
        let v4 = addr as u32;
        return format!(
            "{}.{}.{}.{}",
            v4 >> 24,
            (v4 >> 16) & 0xff,
            (v4 >> 8) & 0xff,
            v4 & 0xff
        );
    }
    Ipv6Addr::from(addr).to_string()
}

/// Go's `net.IPNet.String()`.
pub(super) fn format_network(addr: u128, prefix: u32, bits: u32) -> String {
    if bits == 128 && addr >> 32 == 0xffff {
        return format!("{}/{}", format_ip(addr, bits), prefix.saturating_sub(96));
    }
    format!("{}/{prefix}", format_ip(addr, bits))
}

/// `cidrhost(prefix, hostnum)`: the address of host `hostnum` (negative counts from the end).
pub(super) fn cidrhost(args: &[Value]) -> CallResult {
    let hostnum = int_at(args, 1)?;
    let network = parse_cidr(&str_at(args, 0)?)?;
    if network.mapped() {
        return Ok(Value::Unknown); // go-cidr mixes address widths here
    }
    let max = width_mask(network.bits - network.prefix);
    let magnitude = u128::from(hostnum.unsigned_abs());
    let (index, host) = if hostnum >= 0 {
        (magnitude, magnitude)
    } else {
        let from_end = magnitude - 1;
        (from_end, max.wrapping_sub(from_end))
    };
    if index > max {
        return invalid(format!(
            "prefix of {} does not accommodate a host numbered {hostnum}",
            network.prefix
        ));
    }
    string(format_ip(network.addr | host, network.bits))
}

/// `cidrnetmask(prefix)`: the IPv4 netmask in dotted form.
pub(super) fn cidrnetmask(args: &[Value]) -> CallResult {
    let text = str_at(args, 0)?;
    let network = parse_cidr(&text)?;
    if network.mapped() {
        return Ok(Value::Unknown);
    }
    if network.bits == 128 {
        return invalid(format!("IPv6 addresses cannot have a netmask: {text}"));
    }
    string(format_ip(prefix_mask(network.prefix, 32), 32))
}

/// `cidrsubnet(prefix, newbits, netnum)`: subnet `netnum` of the prefix extended by
/// `newbits` bits.
pub(super) fn cidrsubnet(args: &[Value]) -> CallResult {
    let newbits = int_at(args, 1)?;
    let netnum = int_at(args, 2)?;
    let network = parse_cidr(&str_at(args, 0)?)?;
    if newbits < 0 || netnum < 0 {
        return Ok(Value::Unknown); // go-cidr's result is ill-defined here
    }
    let new_prefix = i64::from(network.prefix) + newbits;
    if new_prefix > i64::from(network.bits) {
        return invalid(format!(
            "insufficient address space to extend prefix of {} by {newbits}",
            network.prefix
        ));
    }
    let new_prefix = u32::try_from(new_prefix).unwrap_or(0);
    let netnum = u128::from(netnum.unsigned_abs());
    // go-cidr compares against uint64(1<<newbits)-1, which wraps for 64 bits and more.
    if newbits < 64 && netnum > (1u128 << newbits) - 1 {
        return invalid(format!(
            "prefix extension of {newbits} does not accommodate a subnet numbered {netnum}"
        ));
    }
    let shifted = netnum.checked_shl(network.bits - new_prefix).unwrap_or(0);
    let addr = (network.addr | shifted) & width_mask(network.bits);
    string(format_network(addr, new_prefix, network.bits))
}

/// `cidrsubnets(prefix, newbits...)`: consecutive subnets of the given sizes, each aligned
/// after the previous one.
pub(super) fn cidrsubnets(args: &[Value]) -> CallResult {
    let network = parse_cidr(&str_at(args, 0)?)?;
    if network.mapped() {
        return Ok(Value::Unknown);
    }
    let lengths = args.get(1..).unwrap_or_default();
    let Some(first) = lengths.first() else {
        return Ok(Value::List(Vec::new()));
    };
    let (bits, start) = (network.bits, network.prefix);
    let first = i64::from(start) + int_of(first)?;
    // go-cidr's PreviousSubnet: the subnet of the first size just below the network.
    let first = u32::try_from(first.clamp(0, i64::from(bits))).unwrap_or(0);
    let mut current = (
        network.addr.wrapping_sub(1) & width_mask(bits) & prefix_mask(first, bits),
        first,
    );
    let mut out = Vec::with_capacity(lengths.len());
    for length in lengths {
        let length = int_of(length)?;
        if length < 1 {
            return invalid("must extend prefix by at least one bit");
        }
        if length > 32 {
            return invalid("may not extend prefix by more than 32 bits");
        }
        let length = i64::from(start) + length;
        if length > i64::from(bits) {
            let protocol = if bits == 32 { "IPv4" } else { "IPv6" };
            return invalid(format!(
                "would extend prefix to {length} bits, which is too long for an {protocol} address"
            ));
        }
        let length = u32::try_from(length).unwrap_or(0);
        // go-cidr's NextSubnet.
        let current_last = current.0 | (width_mask(bits) & !prefix_mask(current.1, bits));
        let last = (current_last & prefix_mask(length, bits))
            | (width_mask(bits) & !prefix_mask(length, bits));
        let following = last.wrapping_add(1) & width_mask(bits);
        let next = (following & prefix_mask(length, bits), length);
        let rollover = following == 0;
        if rollover || next.0 & prefix_mask(start, bits) != network.addr {
            return invalid(format!(
                "not enough remaining address space for a subnet with a prefix of {length} bits \
                 after {}",
                format_network(current.0, current.1, bits)
            ));
        }
        current = next;
        out.push(Value::String(format_network(current.0, current.1, bits)));
    }
    Ok(Value::List(out))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::terraform::functions::testing::*;

    #[test]
    fn cidrsubnet_ipv4_and_ipv6() {
        let f = |prefix: &str, newbits: f64, netnum: f64| {
            ok("cidrsubnet", vec![s(prefix), n(newbits), n(netnum)])
        };
        assert_eq!(f("172.16.0.0/12", 4.0, 2.0), s("172.18.0.0/16"));
        assert_eq!(f("10.1.2.0/24", 4.0, 15.0), s("10.1.2.240/28"));
        assert_eq!(f("192.168.2.0/20", 4.0, 6.0), s("192.168.6.0/24"));
        assert_eq!(f("010.001.0.0/24", 4.0, 1.0), s("10.1.0.16/28"));
        assert_eq!(
            f("fd00:fd12:3456:7890::/56", 16.0, 162.0),
            s("fd00:fd12:3456:7800:a200::/72")
        );
        assert_eq!(f("fe80::/48", 16.0, 6.0), s("fe80:0:0:6::/64"));
        assert_eq!(f("fe80::/48", 33.0, 6.0), s("fe80::3:0:0:0/81"));
        assert_eq!(f("::ffff:192.168.0.0/112", 8.0, 6.0), s("192.168.6.0/24"));
        fails("cidrsubnet", vec![s("192.168.0.0/30"), n(4.0), n(6.0)]);
        fails("cidrsubnet", vec![s("10.0.0.0/24"), n(2.0), n(4.0)]);
        fails("cidrsubnet", vec![s("192.168.0.0/168"), n(2.0), n(16.0)]);
        fails("cidrsubnet", vec![s("not-a-cidr"), n(4.0), n(6.0)]);
        fails("cidrsubnet", vec![s("10.256.0.0/8"), n(4.0), n(6.0)]);
        fails("cidrsubnet", vec![s("10.0.0.0/8"), n(1.5), n(0.0)]);
    }

    #[test]
    fn cidrhost_and_netmask() {
        let h = |prefix: &str, host: f64| ok("cidrhost", vec![s(prefix), n(host)]);
        assert_eq!(h("10.12.112.0/20", 16.0), s("10.12.112.16"));
        assert_eq!(h("10.12.112.0/20", 268.0), s("10.12.113.12"));
        assert_eq!(
            h("fd00:fd12:3456:7890:00a2::/72", 34.0),
            s("fd00:fd12:3456:7890::22")
        );
        assert_eq!(h("192.168.1.0/24", -5.0), s("192.168.1.251"));
        assert_eq!(h("192.168.1.0/24", -256.0), s("192.168.1.0"));
        assert_eq!(h("010.001.0.0/24", 6.0), s("10.1.0.6"));
        fails("cidrhost", vec![s("192.168.1.0/30"), n(255.0)]);
        fails("cidrhost", vec![s("192.168.1.0/30"), n(-255.0)]);
        assert_eq!(
            ok("cidrnetmask", vec![s("172.16.0.0/12")]),
            s("255.240.0.0")
        );
        assert_eq!(ok("cidrnetmask", vec![s("0.0.0.0/0")]), s("0.0.0.0"));
        assert_eq!(
            ok("cidrnetmask", vec![s("10.0.0.1/32")]),
            s("255.255.255.255")
        );
        fails("cidrnetmask", vec![s("1::/64")]);
    }

    #[test]
    fn cidrsubnets_allocates_consecutively() {
        let f = |prefix: &str, bits: &[f64]| {
            let mut args = vec![s(prefix)];
            args.extend(bits.iter().map(|b| n(*b)));
            run("cidrsubnets", args)
        };
        assert_eq!(
            f("10.1.0.0/16", &[4.0, 4.0, 8.0, 4.0]),
            Ok(strs(&[
                "10.1.0.0/20",
                "10.1.16.0/20",
                "10.1.32.0/24",
                "10.1.48.0/20"
            ]))
        );
        assert_eq!(
            f("fd00:fd12:3456:7890::/56", &[16.0, 16.0, 16.0, 32.0]),
            Ok(strs(&[
                "fd00:fd12:3456:7800::/72",
                "fd00:fd12:3456:7800:100::/72",
                "fd00:fd12:3456:7800:200::/72",
                "fd00:fd12:3456:7800:300::/88"
            ]))
        );
        assert_eq!(
            f(
                "10.0.0.0/21",
                &[3.0, 3.0, 3.0, 4.0, 4.0, 4.0, 7.0, 7.0, 7.0]
            ),
            Ok(strs(&[
                "10.0.0.0/24",
                "10.0.1.0/24",
                "10.0.2.0/24",
                "10.0.3.0/25",
                "10.0.3.128/25",
                "10.0.4.0/25",
                "10.0.4.128/28",
                "10.0.4.144/28",
                "10.0.4.160/28"
            ]))
        );
        assert_eq!(f("10.0.0.0/8", &[]), Ok(list(vec![])));
        assert!(matches!(
            f("10.0.0.0/30", &[1.0, 3.0]),
            Err(CallError::Invalid(_))
        ));
        assert!(
            matches!(f("10.0.0.0/8", &[1.0, 1.0, 1.0]), Err(CallError::Invalid(m)) if m.contains("not enough remaining"))
        );
        assert!(
            matches!(f("10.0.0.0/8", &[1.0, 0.0]), Err(CallError::Invalid(m)) if m.contains("at least one bit"))
        );
        assert!(
            matches!(f("fe80::/48", &[1.0, 33.0]), Err(CallError::Invalid(m)) if m.contains("more than 32 bits"))
        );
    }
}
