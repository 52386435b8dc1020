//! Built-in functions as tenet's rules see them: OPA's network built-ins that regorus lacks,
//! and guards on the regorus built-ins whose output can be far larger than their input.
//!
//! regorus checks the rule time limit between steps, never inside a built-in, and a single
//! call such as `numbers.range(1, 1e9)` allocates 24 GB at once and aborts the process. A
//! guarded built-in is registered as an extension of the same name (extensions win over
//! built-ins in regorus's lookup): it checks its arguments against [`MAX_OUTPUT_BYTES`] /
//! [`MAX_OUTPUT_ELEMENTS`] first, then calls the original. A call over the limit is an
//! error of the rule that made it, so the scan reports that rule and goes on.

use std::net::IpAddr;

use anyhow::{anyhow, bail};
use ipnet::IpNet;
use regorus::Value;
use regorus::unstable::{BUILTINS, Expr, Ref, Source, Span};

/// Most bytes a guarded built-in may produce (or walk, for values shared many times over).
pub const MAX_OUTPUT_BYTES: u64 = 64 * 1024 * 1024;
/// Most elements a guarded built-in may produce.
pub const MAX_OUTPUT_ELEMENTS: u64 = 1_000_000;
/// Widest `sprintf` width or precision.
const MAX_FORMAT_WIDTH: u64 = 10_000;
/// Longest string `units.parse` and `units.parse_bytes` accept (their big-number arithmetic
/// is slow on long exponents).
const MAX_UNITS_LENGTH: usize = 64;
/// Largest `bits.lsh` shift.
const MAX_SHIFT: i64 = 4096;

/// Built-ins a rule may not call at all: their cost grows exponentially with their input.
const DENIED: [&str; 1] = ["graph.reachable_paths"];

/// Registers the network extensions, tenet's path helpers and the guards.
pub fn register(rego: &mut regorus::Engine) -> anyhow::Result<()> {
    register_network(rego)?;
    register_paths(rego)?;
    for name in DENIED {
        let nargs = builtin_arity(name)?;
        rego.add_extension(
            name.to_string(),
            nargs,
            Box::new(move |_: Vec<Value>| -> anyhow::Result<Value> {
                bail!("`{name}` is not available in tenet rules (its cost is exponential)")
            }),
        )?;
    }
    guard(rego, "numbers.range", |args| {
        let (a, b) = (number(args, 0)?, number(args, 1)?);
        elements((b - a).abs() + 1.0, "numbers.range")
    })?;
    guard(rego, "numbers.range_step", |args| {
        let (a, b, step) = (number(args, 0)?, number(args, 1)?, number(args, 2)?);
        if step == 0.0 {
            return Ok(()); // the built-in reports it
        }
        elements((b - a).abs() / step.abs() + 1.0, "numbers.range_step")
    })?;
    guard(rego, "net.cidr_expand", |args| {
        let net = parse_net(arg(args, 0)?)?;
        let host_bits = u32::from(net.max_prefix_len() - net.prefix_len());
        elements(2f64.powi(host_bits.min(1024) as i32), "net.cidr_expand")
    })?;
    guard(rego, "bits.lsh", |args| {
        if arg(args, 1)?.as_i64().is_ok_and(|shift| shift > MAX_SHIFT) {
            bail!("bits.lsh: a shift over {MAX_SHIFT} bits is not supported");
        }
        Ok(())
    })?;
    for name in ["units.parse", "units.parse_bytes"] {
        guard(rego, name, move |args| {
            if arg(args, 0)?
                .as_string()
                .is_ok_and(|s| s.len() > MAX_UNITS_LENGTH)
            {
                bail!("{name}: an argument over {MAX_UNITS_LENGTH} characters is not supported");
            }
            Ok(())
        })?;
    }
    guard(rego, "sprintf", |args| {
        if let Ok(format) = arg(args, 0)?.as_string() {
            check_format_widths(format)?;
        }
        bytes(expanded_size(arg(args, 1)?), "sprintf")
    })?;
    guard(rego, "replace", |args| {
        let (s, old, new) = (string(args, 0)?, string(args, 1)?, string(args, 2)?);
        let matches = if old.is_empty() {
            s.chars().count() + 1
        } else {
            s.matches(old).count()
        };
        bytes(
            (s.len() as u64).saturating_add((matches as u64).saturating_mul(new.len() as u64)),
            "replace",
        )
    })?;
    guard(rego, "strings.replace_n", |args| {
        // Patterns apply one after another: bound the growth of each.
        let mut bound = expanded_size(arg(args, 1)?);
        if let Value::Object(patterns) = arg(args, 0)? {
            for (old, new) in patterns.iter() {
                let (old, new) = (old.as_string()?.len() as u64, new.as_string()?.len() as u64);
                let matches = bound / old.max(1) + 1;
                bound = bound.saturating_add(matches.saturating_mul(new));
                bytes(bound, "strings.replace_n")?;
            }
        }
        Ok(())
    })?;
    guard(rego, "regex.replace", |args| {
        let (s, pattern, value) = (string(args, 0)?, string(args, 1)?, string(args, 2)?);
        let Ok(re) = regex::Regex::new(pattern) else {
            return Ok(()); // the built-in reports it
        };
        // Each match adds the replacement, with every `$` group as long as the match at most.
        let dollars = value.matches('$').count() as u64;
        let mut bound = s.len() as u64;
        for found in re.find_iter(s).take(s.len() + 2) {
            let each =
                (value.len() as u64).saturating_add(dollars.saturating_mul(found.len() as u64));
            bound = bound.saturating_add(each);
            bytes(bound, "regex.replace")?;
        }
        Ok(())
    })?;
    // Values are shared, not copied: `[a, a]` nested 40 times is small in memory but
    // written out in full by these.
    for name in [
        "json.marshal",
        "json.marshal_with_options",
        "yaml.marshal",
        "concat",
        "array.concat",
    ] {
        guard(rego, name, move |args| {
            let total = args
                .iter()
                .map(expanded_size)
                .fold(0u64, u64::saturating_add);
            bytes(total, name)
        })?;
    }
    Ok(())
}

/// Registers `name` as an extension that runs `check` on the arguments, then the built-in.
fn guard(
    rego: &mut regorus::Engine,
    name: &'static str,
    check: impl Fn(&[Value]) -> anyhow::Result<()> + Send + Sync + Clone + 'static,
) -> anyhow::Result<()> {
    let nargs = builtin_arity(name)?;
    let Some(&(builtin, _)) = BUILTINS.get(name) else {
        bail!("no built-in `{name}`");
    };
    rego.add_extension(
        name.to_string(),
        nargs,
        Box::new(move |args: Vec<Value>| -> anyhow::Result<Value> {
            check(&args)?;
            // The built-in uses its span and parameter expressions only to word its errors.
            let source = Source::from_contents(format!("<{name}>"), String::new())?;
            let span = Span {
                source,
                line: 1,
                col: 1,
                start: 0,
                end: 0,
            };
            let params: Vec<Ref<Expr>> = args
                .iter()
                .map(|_| {
                    Ref::new(Expr::Null {
                        span: span.clone(),
                        value: Value::Null,
                        eidx: 0,
                    })
                })
                .collect();
            builtin(&span, &params, &args, false)
        }),
    )
}

fn builtin_arity(name: &str) -> anyhow::Result<u8> {
    BUILTINS
        .get(name)
        .map(|&(_, nargs)| nargs)
        .ok_or_else(|| anyhow!("no built-in `{name}`"))
}

fn arg(args: &[Value], i: usize) -> anyhow::Result<&Value> {
    args.get(i)
        .ok_or_else(|| anyhow!("missing argument {}", i + 1))
}

fn number(args: &[Value], i: usize) -> anyhow::Result<f64> {
    arg(args, i)?.as_f64()
}

fn string(args: &[Value], i: usize) -> anyhow::Result<&str> {
    Ok(arg(args, i)?.as_string()?.as_ref())
}

fn elements(count: f64, name: &str) -> anyhow::Result<()> {
    if !count.is_finite() || count > MAX_OUTPUT_ELEMENTS as f64 {
        bail!("{name}: would produce more than {MAX_OUTPUT_ELEMENTS} elements; stopped");
    }
    Ok(())
}

fn bytes(count: u64, name: &str) -> anyhow::Result<()> {
    if count > MAX_OUTPUT_BYTES {
        bail!("{name}: would produce more than {MAX_OUTPUT_BYTES} bytes; stopped");
    }
    Ok(())
}

/// `%10d`, `%.3f`: widths and precisions over the limit are refused.
fn check_format_widths(format: &str) -> anyhow::Result<()> {
    let mut chars = format.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '%' {
            continue;
        }
        while chars.next_if(|c| "+-# 0".contains(*c)).is_some() {}
        for _ in 0..2 {
            let mut n: u64 = 0;
            while let Some(d) = chars.next_if(char::is_ascii_digit) {
                n = n
                    .saturating_mul(10)
                    .saturating_add(u64::from(d.to_digit(10).unwrap_or(0)));
            }
            if n > MAX_FORMAT_WIDTH {
                bail!("sprintf: a width or precision over {MAX_FORMAT_WIDTH} is not supported");
            }
            if chars.next_if_eq(&'.').is_none() {
                break;
            }
        }
    }
    Ok(())
}

/// About how many bytes `value` takes written out in full (shared parts counted each time
/// they appear); the walk stops just past [`MAX_OUTPUT_BYTES`].
fn expanded_size(value: &Value) -> u64 {
    let mut total = 0u64;
    let mut pending = vec![value];
    while let Some(value) = pending.pop() {
        total += 8;
        if total > MAX_OUTPUT_BYTES {
            return total;
        }
        match value {
            Value::String(s) => total += s.len() as u64,
            Value::Array(items) => pending.extend(items.iter()),
            Value::Set(items) => pending.extend(items.iter()),
            Value::Object(fields) => {
                for (key, item) in fields.iter() {
                    pending.push(key);
                    pending.push(item);
                }
            }
            _ => {}
        }
    }
    total
}

/// Attribute-path helpers that every rule calls many times per resource (through
/// `rules/lib/terraform.rego`). In Rego each is several function calls per path segment, and a
/// function call costs microseconds in the interpreter; here it is one.
///
/// - `tenet.display_path(path)`: `["ingress", 2, "cidr_blocks"]` is `"ingress[2].cidr_blocks"`;
/// - `tenet.path_unknown(unknown, path)`: whether `path`, or a block or list containing it, is
///   listed (by display path) in `unknown`.
fn register_paths(rego: &mut regorus::Engine) -> anyhow::Result<()> {
    rego.add_extension(
        "tenet.display_path".to_string(),
        1,
        Box::new(|args: Vec<Value>| Ok(Value::from(display_path(arg(&args, 0)?)?))),
    )?;
    rego.add_extension(
        "tenet.path_unknown".to_string(),
        2,
        Box::new(|args: Vec<Value>| {
            let full = display_path(arg(&args, 1)?)?;
            let listed = match arg(&args, 0)? {
                Value::Array(items) => items.iter().any(|u| contains_path(u, &full)),
                Value::Set(items) => items.iter().any(|u| contains_path(u, &full)),
                _ => bail!("tenet.path_unknown: expects an array of display paths"),
            };
            Ok(Value::from(listed))
        }),
    )?;
    Ok(())
}

/// The display form of an attribute path: keys joined by `.`, indices in brackets. Only a
/// path that is not an array is an error.
fn display_path(path: &Value) -> anyhow::Result<String> {
    let Value::Array(segments) = path else {
        bail!("a path must be an array of keys and indices");
    };
    let mut out = String::new();
    for (i, segment) in segments.iter().enumerate() {
        match segment {
            Value::String(key) => {
                if i > 0 {
                    out.push('.');
                }
                out.push_str(key);
            }
            Value::Number(n) => match (n.as_i64(), n.as_f64()) {
                (Some(index), _) => out.push_str(&format!("[{index}]")),
                (None, Some(other)) => out.push_str(&format!("[{other}]")),
                (None, None) => {}
            },
            // Like the Rego helper it replaces: a segment that is neither is left out, so an
            // odd path from a custom rule never fails the rule.
            _ => {}
        }
    }
    Ok(out)
}

/// True when the display path `outer` is `inner` or a block or list that contains it.
fn contains_path(outer: &Value, inner: &str) -> bool {
    let Value::String(outer) = outer else {
        return false;
    };
    match inner.strip_prefix(outer.as_ref()) {
        Some("") => true,
        Some(rest) => rest.starts_with(['.', '[']),
        None => false,
    }
}

/// OPA network built-ins that regorus lacks.
fn register_network(rego: &mut regorus::Engine) -> anyhow::Result<()> {
    rego.add_extension(
        "net.cidr_intersects".to_string(),
        2,
        Box::new(|args: Vec<Value>| {
            let (a, b) = two_nets(&args)?;
            Ok(Value::from(
                a.contains(&b.network()) || b.contains(&a.network()),
            ))
        }),
    )?;
    rego.add_extension(
        "net.cidr_overlap".to_string(),
        2,
        Box::new(|args: Vec<Value>| {
            // OPA: `net.cidr_overlap(cidr, ip)`: whether the IP address lies in the CIDR.
            let (Some(cidr), Some(ip)) = (args.first(), args.get(1)) else {
                return Err(anyhow!("net.cidr_overlap: expects two arguments"));
            };
            let cidr = parse_net(cidr)?;
            let ip: IpAddr = ip.as_string()?.parse().map_err(|_| {
                anyhow!("net.cidr_overlap: the second argument must be an IP address")
            })?;
            Ok(Value::from(cidr.contains(&ip)))
        }),
    )?;
    rego.add_extension(
        "net.cidr_merge".to_string(),
        1,
        Box::new(|args: Vec<Value>| {
            let Some(list) = args.first() else {
                return Err(anyhow!("net.cidr_merge: expects one argument"));
            };
            let items: Vec<Value> = match list {
                Value::Array(a) => a.iter().cloned().collect(),
                Value::Set(s) => s.iter().cloned().collect(),
                _ => {
                    return Err(anyhow!(
                        "net.cidr_merge: expects an array or set of strings"
                    ));
                }
            };
            let nets = items
                .iter()
                .map(parse_net)
                .collect::<anyhow::Result<Vec<IpNet>>>()?;
            let merged: std::collections::BTreeSet<Value> = IpNet::aggregate(&nets)
                .iter()
                .map(|n| Value::from(n.to_string()))
                .collect();
            Ok(Value::from(merged))
        }),
    )?;
    Ok(())
}

fn two_nets(args: &[Value]) -> anyhow::Result<(IpNet, IpNet)> {
    match args {
        [a, b] => Ok((parse_net(a)?, parse_net(b)?)),
        _ => Err(anyhow!("expects two arguments")),
    }
}

/// A CIDR or a bare IP address (a /32 or /128 network).
fn parse_net(value: &Value) -> anyhow::Result<IpNet> {
    let text = value.as_string()?;
    if let Ok(net) = text.parse::<IpNet>() {
        return Ok(net);
    }
    let ip: IpAddr = text
        .parse()
        .map_err(|_| anyhow!("`{text}` is not a CIDR or IP address"))?;
    Ok(IpNet::from(ip))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eval(policy: &str) -> anyhow::Result<Value> {
        let mut rego = regorus::Engine::new();
        register(&mut rego)?;
        rego.add_policy("t.rego".into(), policy.into())?;
        rego.eval_rule("data.t.x".into())
    }

    #[test]
    fn path_helpers_read_paths_like_the_ir() {
        let result = eval(
            "package t\nx := [tenet.display_path([\"ingress\", 2, \"cidr_blocks\"]), \
             tenet.path_unknown([\"ingress[2]\"], [\"ingress\", 2, \"to_port\"]), \
             tenet.path_unknown([\"ingress[2]\"], [\"ingress\", 20]), \
             tenet.path_unknown([\"tags\"], [\"tags_all\"]), \
             tenet.path_unknown([\"tags\"], [\"tags\"]), \
             tenet.display_path([\"a\", true, 1])]\n",
        )
        .unwrap();
        assert_eq!(
            result
                .to_json_str()
                .unwrap()
                .replace(char::is_whitespace, ""),
            r#"["ingress[2].cidr_blocks",true,false,false,true,"a[1]"]"#
        );
    }

    #[test]
    fn guarded_builtins_still_work_within_limits() {
        assert_eq!(
            eval("package t\nx := count(numbers.range(1, 1000))\n").unwrap(),
            Value::from(1000)
        );
        assert_eq!(
            eval("package t\nx := sprintf(\"%5d|%s\", [42, \"a\"])\n").unwrap(),
            Value::from("   42|a")
        );
        assert_eq!(
            eval("package t\nx := replace(\"aXa\", \"X\", \"--\")\n").unwrap(),
            Value::from("a--a")
        );
        assert_eq!(
            eval("package t\nx := units.parse_bytes(\"2Ki\")\n").unwrap(),
            Value::from(2048)
        );
    }

    #[test]
    fn calls_past_a_limit_are_rule_errors_not_crashes() {
        // 2^27 shared copies of an 8-byte string: 1 GiB once written out.
        let mut doubling = "package t\na0 := [\"xxxxxxxx\"]\n".to_string();
        for i in 1..=27 {
            doubling.push_str(&format!("a{i} := [a{}, a{}]\n", i - 1, i - 1));
        }
        doubling.push_str("x := json.marshal(a27)\n");
        for policy in [
            doubling.as_str(),
            "package t\nx := numbers.range(1, 1e9)\n",
            "package t\nx := numbers.range_step(1, 1e12, 2)\n",
            "package t\nx := net.cidr_expand(\"10.0.0.0/4\")\n",
            "package t\nx := sprintf(\"%4000000000d\", [1])\n",
            "package t\nx := units.parse_bytes(\"1e20000000000000000000000000000000000000000000000000000000000000000\")\n",
            "package t\nx := graph.reachable_paths({}, [])\n",
        ] {
            let error = eval(policy).unwrap_err().to_string();
            assert!(
                error.contains("stopped")
                    || error.contains("not supported")
                    || error.contains("not available"),
                "{policy}: {error}"
            );
        }
    }
}
