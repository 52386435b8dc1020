//! Terraform's built-in functions, evaluated statically.
//!
//! Each function gets evaluated arguments and returns a value, `Unknown` when the result
//! depends on an unknown argument (never a guess), or a [`CallError`]. Functions that read
//! files resolve paths against the module directory and refuse to read outside the scan root.

use std::collections::BTreeMap;
use std::net::IpAddr;
use std::path::Path;

use ipnet::IpNet;
use sha2::{Digest, Sha256};

use super::value::{Value, format_number};

/// What functions that touch files or templates need from the evaluator.
pub struct FunctionContext<'a> {
    /// Directory of the module being evaluated (`path.module`), for relative file paths.
    pub module_dir: &'a Path,
    /// Files may only be read inside this directory (the scan root).
    pub scan_root: &'a Path,
    /// Renders a template (HCL template syntax) with the given variables; for `templatefile`.
    pub render_template: &'a RenderTemplate<'a>,
}

/// The evaluator's template renderer, handed to `templatefile`.
pub type RenderTemplate<'a> = dyn Fn(&str, &BTreeMap<String, Value>) -> Result<Value, String> + 'a;

#[derive(Debug, Clone, PartialEq)]
pub enum CallError {
    /// Not a function tenet implements: the result is unknown.
    UnknownFunction(String),
    /// Terraform would reject the call (wrong argument count or types, bad input).
    Invalid(String),
    /// `file`/`templatefile`/`fileexists` on a path outside the scan root: never read.
    OutsideRoot(String),
}

type Outcome = Result<Value, CallError>;

fn invalid<T>(message: impl Into<String>) -> Result<T, CallError> {
    Err(CallError::Invalid(message.into()))
}

/// Largest file `file()`/`templatefile()` reads.
const MAX_FILE: u64 = 10 * 1024 * 1024;

pub fn call(name: &str, args: Vec<Value>, ctx: &FunctionContext<'_>) -> Outcome {
    // Functions that know their result even with unknowns inside their arguments.
    match name {
        "length" => return length(&args),
        "merge" => return merge(args),
        "concat" => return concat(args),
        "tolist" | "tomap" | "tuple" => return one_arg(args),
        "coalesce" => return coalesce(args),
        "keys" => return keys(&args),
        "lookup" => return lookup(args),
        "element" => return element(args),
        "nonsensitive" | "sensitive" => return one_arg(args),
        "uuid" | "timestamp" | "abspath" | "pathexpand" | "plantimestamp" | "bcrypt" | "uuidv5" => {
            return Ok(Value::Unknown);
        }
        _ => {}
    }
    if args.iter().any(Value::has_unknown) {
        return if is_known_function(name) {
            Ok(Value::Unknown)
        } else {
            Err(CallError::UnknownFunction(name.to_string()))
        };
    }
    match name {
        "jsonencode" => Ok(Value::String(json_encode(arg(&args, 0)?))),
        "jsondecode" => {
            let text = string(&args, 0)?;
            serde_json::from_str::<serde_json::Value>(text)
                .map(|v| Value::from_json(&v))
                .or_else(|e| invalid(format!("invalid JSON: {e}")))
        }
        "flatten" => Ok(Value::List(flatten(list(&args, 0)?))),
        "distinct" => {
            let mut out: Vec<Value> = Vec::new();
            for item in list(&args, 0)? {
                if !out.contains(item) {
                    out.push(item.clone());
                }
            }
            Ok(Value::List(out))
        }
        "compact" => Ok(Value::List(
            list(&args, 0)?
                .iter()
                .filter(|v| !matches!(v, Value::Null) && v.as_str() != Some(""))
                .cloned()
                .collect(),
        )),
        "coalescelist" => Ok(args
            .iter()
            .find(|v| matches!(v, Value::List(items) if !items.is_empty()))
            .cloned()
            .unwrap_or(Value::List(Vec::new()))),
        "index" => {
            let items = list(&args, 0)?;
            let wanted = arg(&args, 1)?;
            items
                .iter()
                .position(|v| v == wanted)
                .map(|i| Value::Number(i as f64))
                .map_or_else(|| invalid("item not found"), Ok)
        }
        "values" => match arg(&args, 0)? {
            Value::Object(map) => Ok(Value::List(map.values().cloned().collect())),
            _ => invalid("values() needs a map"),
        },
        "zipmap" => {
            let keys = list(&args, 0)?;
            let values = list(&args, 1)?;
            if keys.len() != values.len() {
                return invalid("zipmap() needs lists of the same length");
            }
            let mut map = BTreeMap::new();
            for (k, v) in keys.iter().zip(values) {
                map.insert(to_string(k)?, v.clone());
            }
            Ok(Value::Object(map))
        }
        "contains" => Ok(Value::Bool(list(&args, 0)?.contains(arg(&args, 1)?))),
        "one" => {
            let items = list(&args, 0)?;
            match items {
                [] => Ok(Value::Null),
                [only] => Ok(only.clone()),
                _ => invalid("one() needs a list of at most one element"),
            }
        }
        "toset" => Ok(Value::List(to_set(list(&args, 0)?.to_vec()))),
        "tostring" => match arg(&args, 0)? {
            Value::Null => Ok(Value::Null),
            v => v
                .to_template_string()
                .map(Value::String)
                .map_or_else(|| invalid("cannot convert to string"), Ok),
        },
        "tonumber" => match arg(&args, 0)? {
            Value::Null => Ok(Value::Null),
            v => v
                .as_f64()
                .map(Value::Number)
                .map_or_else(|| invalid("cannot convert to number"), Ok),
        },
        "tobool" => match arg(&args, 0)? {
            Value::Null => Ok(Value::Null),
            v => v
                .as_bool()
                .map(Value::Bool)
                .map_or_else(|| invalid("cannot convert to bool"), Ok),
        },
        "format" => format(string(&args, 0)?, args.get(1..).unwrap_or_default()).map(Value::String),
        "formatlist" => formatlist(&args),
        "join" => {
            let separator = string(&args, 0)?;
            let mut parts = Vec::new();
            for list_arg in args.iter().skip(1) {
                let Value::List(items) = list_arg else {
                    return invalid("join() needs lists");
                };
                for item in items {
                    parts.push(to_string(item)?);
                }
            }
            Ok(Value::String(parts.join(separator)))
        }
        "split" => {
            let separator = string(&args, 0)?;
            let text = string(&args, 1)?;
            if text.is_empty() {
                return Ok(Value::List(Vec::new()));
            }
            Ok(Value::List(
                text.split(separator)
                    .map(|s| Value::String(s.to_string()))
                    .collect(),
            ))
        }
        "replace" => {
            let (text, search, replacement) =
                (string(&args, 0)?, string(&args, 1)?, string(&args, 2)?);
            if search.len() > 1 && search.starts_with('/') && search.ends_with('/') {
                return Err(CallError::UnknownFunction(
                    "replace with a regular expression".into(),
                ));
            }
            Ok(Value::String(text.replace(search, replacement)))
        }
        "lower" => Ok(Value::String(string(&args, 0)?.to_lowercase())),
        "upper" => Ok(Value::String(string(&args, 0)?.to_uppercase())),
        "trimspace" => Ok(Value::String(string(&args, 0)?.trim().to_string())),
        "trim" => {
            let cutset = string(&args, 1)?;
            Ok(Value::String(
                string(&args, 0)?
                    .trim_matches(|c| cutset.contains(c))
                    .to_string(),
            ))
        }
        "trimprefix" => Ok(Value::String(
            string(&args, 0)?
                .strip_prefix(string(&args, 1)?)
                .unwrap_or(string(&args, 0)?)
                .to_string(),
        )),
        "trimsuffix" => Ok(Value::String(
            string(&args, 0)?
                .strip_suffix(string(&args, 1)?)
                .unwrap_or(string(&args, 0)?)
                .to_string(),
        )),
        "startswith" => Ok(Value::Bool(
            string(&args, 0)?.starts_with(string(&args, 1)?),
        )),
        "endswith" => Ok(Value::Bool(string(&args, 0)?.ends_with(string(&args, 1)?))),
        "strrev" => Ok(Value::String(string(&args, 0)?.chars().rev().collect())),
        "chomp" => Ok(Value::String(
            string(&args, 0)?.trim_end_matches(['\n', '\r']).to_string(),
        )),
        "substr" => substr(&args),
        "range" => range(&args),
        "min" | "max" => {
            let numbers = args
                .iter()
                .map(|v| v.as_f64())
                .collect::<Option<Vec<f64>>>()
                .filter(|n| !n.is_empty());
            let Some(numbers) = numbers else {
                return invalid(format!("{name}() needs numbers"));
            };
            let fold = if name == "min" { f64::min } else { f64::max };
            Ok(Value::Number(numbers.into_iter().fold(
                if name == "min" {
                    f64::INFINITY
                } else {
                    f64::NEG_INFINITY
                },
                fold,
            )))
        }
        "sum" => list(&args, 0)?
            .iter()
            .map(Value::as_f64)
            .sum::<Option<f64>>()
            .map(Value::Number)
            .map_or_else(|| invalid("sum() needs numbers"), Ok),
        "abs" => number(&args, 0).map(|n| Value::Number(n.abs())),
        "ceil" => number(&args, 0).map(|n| Value::Number(n.ceil())),
        "floor" => number(&args, 0).map(|n| Value::Number(n.floor())),
        "signum" => {
            number(&args, 0).map(|n| Value::Number(if n == 0.0 { 0.0 } else { n.signum() }))
        }
        "pow" => Ok(Value::Number(number(&args, 0)?.powf(number(&args, 1)?))),
        "setunion" => Ok(Value::List(to_set(
            args.iter()
                .filter_map(|a| {
                    if let Value::List(l) = a {
                        Some(l.clone())
                    } else {
                        None
                    }
                })
                .flatten()
                .collect(),
        ))),
        "setintersection" => {
            let mut sets = args.iter().map(|a| {
                if let Value::List(l) = a {
                    Ok(l.clone())
                } else {
                    invalid("setintersection() needs sets")
                }
            });
            let first = sets.next().transpose()?.unwrap_or_default();
            let rest: Vec<Vec<Value>> = sets.collect::<Result<_, _>>()?;
            Ok(Value::List(to_set(
                first
                    .into_iter()
                    .filter(|v| rest.iter().all(|r| r.contains(v)))
                    .collect(),
            )))
        }
        "setsubtract" => {
            let a = list(&args, 0)?;
            let b = list(&args, 1)?;
            Ok(Value::List(to_set(
                a.iter().filter(|v| !b.contains(v)).cloned().collect(),
            )))
        }
        "slice" => {
            let items = list(&args, 0)?;
            let (start, end) = (index_arg(&args, 1)?, index_arg(&args, 2)?);
            items
                .get(start..end)
                .map(|s| Value::List(s.to_vec()))
                .map_or_else(|| invalid("slice() out of range"), Ok)
        }
        "reverse" => Ok(Value::List(list(&args, 0)?.iter().rev().cloned().collect())),
        "sort" => {
            let mut strings = list(&args, 0)?
                .iter()
                .map(to_string)
                .collect::<Result<Vec<_>, _>>()?;
            strings.sort();
            Ok(Value::List(
                strings.into_iter().map(Value::String).collect(),
            ))
        }
        "chunklist" => {
            let items = list(&args, 0)?;
            let size = index_arg(&args, 1)?;
            if size == 0 {
                return Ok(Value::List(vec![Value::List(items.to_vec())]));
            }
            Ok(Value::List(
                items
                    .chunks(size)
                    .map(|c| Value::List(c.to_vec()))
                    .collect(),
            ))
        }
        "alltrue" => Ok(Value::Bool(
            list(&args, 0)?.iter().all(|v| v.as_bool() == Some(true)),
        )),
        "anytrue" => Ok(Value::Bool(
            list(&args, 0)?.iter().any(|v| v.as_bool() == Some(true)),
        )),
        "sha256" => Ok(Value::String(
            Sha256::digest(string(&args, 0)?.as_bytes())
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect(),
        )),
        "base64encode" => Ok(Value::String(base64_encode(string(&args, 0)?.as_bytes()))),
        "base64decode" => base64_decode(string(&args, 0)?)
            .and_then(|bytes| {
                String::from_utf8(bytes).or_else(|_| invalid("base64decode(): not UTF-8"))
            })
            .map(Value::String),
        "cidrsubnet" => cidrsubnet(&args),
        "cidrhost" => cidrhost(&args),
        "cidrnetmask" => {
            let net: IpNet = string(&args, 0)?
                .parse()
                .or_else(|_| invalid("invalid CIDR"))?;
            Ok(Value::String(net.netmask().to_string()))
        }
        "file" => read_file(string(&args, 0)?, ctx).map(Value::String),
        "fileexists" => {
            let path = resolve(string(&args, 0)?, ctx)?;
            Ok(Value::Bool(path.is_file()))
        }
        "templatefile" => {
            let text = read_file(string(&args, 0)?, ctx)?;
            let vars = match args.get(1) {
                Some(Value::Object(map)) => map.clone(),
                Some(Value::Null) | None => BTreeMap::new(),
                Some(_) => return invalid("templatefile() needs a map of variables"),
            };
            (ctx.render_template)(&text, &vars).or_else(|e| invalid(format!("templatefile(): {e}")))
        }
        "strcontains" => Ok(Value::Bool(string(&args, 0)?.contains(string(&args, 1)?))),
        "urlencode" => Ok(Value::String(urlencode(string(&args, 0)?))),
        "regex" | "regexall" => regex(name == "regexall", string(&args, 0)?, string(&args, 1)?),
        "setproduct" => {
            let mut product = vec![Vec::new()];
            for set in &args {
                let Value::List(items) = set else {
                    return invalid("setproduct() needs lists");
                };
                let mut next = Vec::new();
                for prefix in &product {
                    for item in items {
                        let mut row: Vec<Value> = prefix.clone();
                        row.push(item.clone());
                        next.push(row);
                    }
                }
                if next.len() > 100_000 {
                    return invalid("setproduct() produces more than 100000 elements");
                }
                product = next;
            }
            Ok(Value::List(product.into_iter().map(Value::List).collect()))
        }
        "cidrsubnets" => {
            let prefix = string(&args, 0)?;
            let net: IpNet = prefix
                .parse()
                .or_else(|_| invalid("cidrsubnets(): invalid CIDR"))?;
            let start = ip_to_u128(net.network());
            let span = 1u128
                .checked_shl(u32::from(net.max_prefix_len() - net.prefix_len()))
                .unwrap_or(u128::MAX);
            let mut next = start;
            let mut out = Vec::new();
            for bits in args.iter().skip(1) {
                let Some(bits) = bits.as_f64().filter(|b| *b >= 1.0 && b.fract() == 0.0) else {
                    return invalid("cidrsubnets(): newbits must be positive whole numbers");
                };
                let length = net
                    .prefix_len()
                    .checked_add(bits as u8)
                    .filter(|l| *l <= net.max_prefix_len())
                    .map_or_else(|| invalid("cidrsubnets(): too many new bits"), Ok)?;
                let size = 1u128
                    .checked_shl(u32::from(net.max_prefix_len() - length))
                    .unwrap_or(u128::MAX);
                // Each subnet starts at the next address aligned to its own size.
                let offset = next - start;
                let aligned = offset.div_ceil(size).saturating_mul(size);
                if aligned.saturating_add(size) > span {
                    return invalid("cidrsubnets(): not enough address space");
                }
                out.push(Value::String(format!(
                    "{}/{length}",
                    u128_to_ip(start + aligned, net.network())
                )));
                next = start + aligned + size;
            }
            Ok(Value::List(out))
        }
        "yamldecode" => crate::parse::kubernetes::yaml_to_json(string(&args, 0)?)
            .map(|json| Value::from_json(&json))
            .or_else(|e| invalid(format!("yamldecode(): {}", e.message))),
        "templatestring" => {
            let vars = match args.get(1) {
                Some(Value::Object(map)) => map.clone(),
                _ => BTreeMap::new(),
            };
            (ctx.render_template)(string(&args, 0)?, &vars)
                .or_else(|e| invalid(format!("templatestring(): {e}")))
        }
        "dirname" => Ok(Value::String(
            Path::new(string(&args, 0)?)
                .parent()
                .map(|p| p.to_string_lossy().into_owned())
                .unwrap_or_default(),
        )),
        "basename" => Ok(Value::String(
            Path::new(string(&args, 0)?)
                .file_name()
                .map(|p| p.to_string_lossy().into_owned())
                .unwrap_or_default(),
        )),
        _ => Err(CallError::UnknownFunction(name.to_string())),
    }
}

fn is_known_function(name: &str) -> bool {
    const NAMES: &[&str] = &[
        "jsonencode",
        "jsondecode",
        "flatten",
        "distinct",
        "compact",
        "coalescelist",
        "index",
        "values",
        "zipmap",
        "contains",
        "one",
        "toset",
        "tostring",
        "tonumber",
        "tobool",
        "format",
        "formatlist",
        "join",
        "split",
        "replace",
        "lower",
        "upper",
        "trimspace",
        "trim",
        "trimprefix",
        "trimsuffix",
        "startswith",
        "endswith",
        "strrev",
        "chomp",
        "substr",
        "range",
        "min",
        "max",
        "sum",
        "abs",
        "ceil",
        "floor",
        "signum",
        "pow",
        "setunion",
        "setintersection",
        "setsubtract",
        "slice",
        "reverse",
        "sort",
        "chunklist",
        "alltrue",
        "anytrue",
        "sha256",
        "base64encode",
        "base64decode",
        "cidrsubnet",
        "cidrhost",
        "cidrnetmask",
        "file",
        "fileexists",
        "templatefile",
        "dirname",
        "basename",
        "strcontains",
        "urlencode",
        "regex",
        "regexall",
        "setproduct",
        "cidrsubnets",
        "yamldecode",
        "templatestring",
    ];
    NAMES.contains(&name)
}

fn arg(args: &[Value], i: usize) -> Result<&Value, CallError> {
    args.get(i)
        .map_or_else(|| invalid(format!("missing argument {}", i + 1)), Ok)
}

fn string(args: &[Value], i: usize) -> Result<&str, CallError> {
    match arg(args, i)? {
        Value::String(s) => Ok(s),
        other => invalid(format!(
            "argument {} must be a string, not {}",
            i + 1,
            other.type_name()
        )),
    }
}

fn number(args: &[Value], i: usize) -> Result<f64, CallError> {
    arg(args, i)?.as_f64().map_or_else(
        || invalid(format!("argument {} must be a number", i + 1)),
        Ok,
    )
}

fn index_arg(args: &[Value], i: usize) -> Result<usize, CallError> {
    let n = number(args, i)?;
    if n < 0.0 || n.fract() != 0.0 {
        return invalid(format!(
            "argument {} must be a whole non-negative number",
            i + 1
        ));
    }
    Ok(n as usize)
}

fn list(args: &[Value], i: usize) -> Result<&[Value], CallError> {
    match arg(args, i)? {
        Value::List(items) => Ok(items),
        other => invalid(format!(
            "argument {} must be a list, not {}",
            i + 1,
            other.type_name()
        )),
    }
}

fn to_string(value: &Value) -> Result<String, CallError> {
    value.to_template_string().map_or_else(
        || invalid(format!("cannot use a {} as a string", value.type_name())),
        Ok,
    )
}

fn one_arg(args: Vec<Value>) -> Outcome {
    args.into_iter()
        .next()
        .map_or_else(|| invalid("missing argument"), Ok)
}

/// Sets: de-duplicated; all-string sets sorted, as Terraform orders them.
fn to_set(items: Vec<Value>) -> Vec<Value> {
    let mut out: Vec<Value> = Vec::new();
    for item in items {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    if out.iter().all(|v| matches!(v, Value::String(_))) {
        out.sort_by(|a, b| a.as_str().cmp(&b.as_str()));
    }
    out
}

fn length(args: &[Value]) -> Outcome {
    match arg(args, 0)? {
        Value::Unknown => Ok(Value::Unknown),
        Value::List(items) => Ok(Value::Number(items.len() as f64)),
        Value::Object(map) => Ok(Value::Number(map.len() as f64)),
        Value::String(s) => Ok(Value::Number(s.chars().count() as f64)),
        other => invalid(format!("length() of a {}", other.type_name())),
    }
}

fn merge(args: Vec<Value>) -> Outcome {
    let mut out = BTreeMap::new();
    for item in args {
        match item {
            Value::Object(map) => out.extend(map),
            Value::Null => {}
            Value::Unknown => return Ok(Value::Unknown),
            other => return invalid(format!("merge() of a {}", other.type_name())),
        }
    }
    Ok(Value::Object(out))
}

fn concat(args: Vec<Value>) -> Outcome {
    let mut out = Vec::new();
    for item in args {
        match item {
            Value::List(items) => out.extend(items),
            Value::Unknown => return Ok(Value::Unknown),
            other => return invalid(format!("concat() of a {}", other.type_name())),
        }
    }
    Ok(Value::List(out))
}

fn coalesce(args: Vec<Value>) -> Outcome {
    for item in args {
        match item {
            Value::Unknown => return Ok(Value::Unknown),
            Value::Null => {}
            Value::String(s) if s.is_empty() => {}
            other => return Ok(other),
        }
    }
    invalid("coalesce(): no non-null, non-empty argument")
}

fn keys(args: &[Value]) -> Outcome {
    match arg(args, 0)? {
        Value::Unknown => Ok(Value::Unknown),
        Value::Object(map) => Ok(Value::List(
            map.keys().map(|k| Value::String(k.clone())).collect(),
        )),
        other => invalid(format!("keys() of a {}", other.type_name())),
    }
}

fn lookup(args: Vec<Value>) -> Outcome {
    let mut args = args.into_iter();
    let (map, key, default) = (args.next(), args.next(), args.next());
    match (map, key) {
        (Some(Value::Unknown), _) | (_, Some(Value::Unknown)) => Ok(Value::Unknown),
        (Some(Value::Object(mut map)), Some(key)) => {
            let key = to_string(&key)?;
            match (map.remove(&key), default) {
                (Some(value), _) => Ok(value),
                (None, Some(default)) => Ok(default),
                (None, None) => invalid(format!("lookup(): no key `{key}`")),
            }
        }
        _ => invalid("lookup() needs a map and a key"),
    }
}

fn element(args: Vec<Value>) -> Outcome {
    let mut args = args.into_iter();
    match (args.next(), args.next()) {
        (Some(Value::Unknown), _) | (_, Some(Value::Unknown)) => Ok(Value::Unknown),
        (Some(Value::List(items)), Some(index)) => {
            let Some(n) = index.as_f64().filter(|n| *n >= 0.0 && n.fract() == 0.0) else {
                return invalid("element() needs a whole non-negative index");
            };
            if items.is_empty() {
                return invalid("element() of an empty list");
            }
            Ok(items
                .get(n as usize % items.len())
                .cloned()
                .unwrap_or(Value::Null))
        }
        _ => invalid("element() needs a list and an index"),
    }
}

fn flatten(items: &[Value]) -> Vec<Value> {
    let mut out = Vec::new();
    for item in items {
        match item {
            Value::List(inner) => out.extend(flatten(inner)),
            other => out.push(other.clone()),
        }
    }
    out
}

fn substr(args: &[Value]) -> Outcome {
    let chars: Vec<char> = string(args, 0)?.chars().collect();
    let offset = number(args, 1)?;
    let length = number(args, 2)?;
    let len = chars.len() as f64;
    let start = if offset < 0.0 {
        (len + offset).max(0.0)
    } else {
        offset.min(len)
    } as usize;
    let end = if length < 0.0 {
        chars.len()
    } else {
        (start as f64 + length).min(len) as usize
    };
    Ok(Value::String(
        chars
            .get(start..end.max(start))
            .unwrap_or_default()
            .iter()
            .collect(),
    ))
}

fn range(args: &[Value]) -> Outcome {
    let numbers = args
        .iter()
        .map(Value::as_f64)
        .collect::<Option<Vec<f64>>>()
        .map_or_else(|| invalid("range() needs numbers"), Ok)?;
    let (start, end, step) = match numbers.as_slice() {
        [end] => (0.0, *end, 1.0),
        [start, end] => (*start, *end, if start <= end { 1.0 } else { -1.0 }),
        [start, end, step] => (*start, *end, *step),
        _ => return invalid("range() takes 1 to 3 arguments"),
    };
    if step == 0.0 || (step > 0.0) != (end >= start) && start != end {
        return invalid("range(): the step does not move towards the end");
    }
    let mut out = Vec::new();
    let mut n = start;
    while (step > 0.0 && n < end) || (step < 0.0 && n > end) {
        if out.len() >= 1024 * 1024 {
            return invalid("range() produces more than 1048576 elements");
        }
        out.push(Value::Number(n));
        n += step;
    }
    Ok(Value::List(out))
}

/// Terraform's `format` verbs: `%s`, `%d`, `%f`, `%.Nf`, `%q`, `%v`, `%t`, `%%`.
fn format(spec: &str, args: &[Value]) -> Result<String, CallError> {
    let mut out = String::new();
    let mut args = args.iter();
    let mut chars = spec.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let mut flags = String::new();
        while let Some(&next) = chars.peek() {
            if next.is_ascii_digit() || next == '.' || next == '-' || next == '+' || next == '#' {
                flags.push(next);
                chars.next();
            } else {
                break;
            }
        }
        let Some(verb) = chars.next() else {
            return invalid("format(): ends with %");
        };
        if verb == '%' {
            out.push('%');
            continue;
        }
        let Some(value) = args.next() else {
            return invalid("format(): too few arguments");
        };
        let text = match verb {
            's' | 'v' => match value {
                Value::List(_) | Value::Object(_) => json_encode(value),
                v => to_string(v)?,
            },
            'd' => match value.as_f64() {
                Some(n) if n.fract() == 0.0 => format_number(n),
                _ => return invalid("format(): %d needs a whole number"),
            },
            'f' => {
                let n = value
                    .as_f64()
                    .map_or_else(|| invalid("format(): %f needs a number"), Ok)?;
                let precision = flags
                    .split_once('.')
                    .and_then(|(_, p)| p.parse().ok())
                    .unwrap_or(6);
                format!("{n:.precision$}")
            }
            'q' => json_encode(&Value::String(to_string(value)?)),
            't' => value.as_bool().map_or_else(
                || invalid("format(): %t needs a bool"),
                |b| Ok(b.to_string()),
            )?,
            _ => return Err(CallError::UnknownFunction(format!("format verb %{verb}"))),
        };
        let width: usize = flags
            .trim_start_matches(['-', '+', '#'])
            .split('.')
            .next()
            .and_then(|w| w.parse().ok())
            .unwrap_or(0);
        let pad = width.saturating_sub(text.chars().count());
        if flags.starts_with('-') {
            out.push_str(&text);
            out.push_str(&" ".repeat(pad));
        } else {
            out.push_str(&" ".repeat(pad));
            out.push_str(&text);
        }
    }
    Ok(out)
}

fn formatlist(args: &[Value]) -> Outcome {
    let spec = string(args, 0)?;
    let rest = args.get(1..).unwrap_or_default();
    let length = rest
        .iter()
        .filter_map(|a| {
            if let Value::List(l) = a {
                Some(l.len())
            } else {
                None
            }
        })
        .max()
        .unwrap_or(1);
    let mut out = Vec::with_capacity(length);
    for i in 0..length {
        let row: Vec<Value> = rest
            .iter()
            .map(|a| match a {
                Value::List(items) => items.get(i).cloned().unwrap_or(Value::Null),
                other => other.clone(),
            })
            .collect();
        out.push(Value::String(format(spec, &row)?));
    }
    Ok(Value::List(out))
}

/// Terraform's `jsonencode`: keys sorted, no spaces, `<`, `>` and `&` escaped as Go does.
pub fn json_encode(value: &Value) -> String {
    let json = serde_json::to_string(&value.to_json()).unwrap_or_default();
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

fn cidrsubnet(args: &[Value]) -> Outcome {
    let net: IpNet = string(args, 0)?
        .parse()
        .or_else(|_| invalid("cidrsubnet(): invalid CIDR"))?;
    let newbits = index_arg(args, 1)? as u8;
    let netnum = index_arg(args, 2)? as u128;
    let prefix = net
        .prefix_len()
        .checked_add(newbits)
        .filter(|p| *p <= net.max_prefix_len())
        .map_or_else(|| invalid("cidrsubnet(): too many new bits"), Ok)?;
    let host_bits = u32::from(net.max_prefix_len() - prefix);
    if newbits < 128 && netnum >= (1u128 << newbits) {
        return invalid("cidrsubnet(): netnum does not fit in newbits");
    }
    let base = ip_to_u128(net.network());
    let address = base | (netnum.checked_shl(host_bits).unwrap_or(0));
    Ok(Value::String(format!(
        "{}/{prefix}",
        u128_to_ip(address, net.network())
    )))
}

fn cidrhost(args: &[Value]) -> Outcome {
    let net: IpNet = string(args, 0)?
        .parse()
        .or_else(|_| invalid("cidrhost(): invalid CIDR"))?;
    let hostnum = number(args, 1)?;
    let host_bits = u32::from(net.max_prefix_len() - net.prefix_len());
    let size = 1u128.checked_shl(host_bits).unwrap_or(u128::MAX);
    let offset = if hostnum < 0.0 {
        size.checked_sub((-hostnum) as u128)
    } else {
        Some(hostnum as u128).filter(|h| *h < size)
    };
    let Some(offset) = offset else {
        return invalid("cidrhost(): host number out of range");
    };
    Ok(Value::String(
        u128_to_ip(ip_to_u128(net.network()) + offset, net.network()).to_string(),
    ))
}

fn ip_to_u128(ip: IpAddr) -> u128 {
    match ip {
        IpAddr::V4(v4) => u128::from(u32::from(v4)),
        IpAddr::V6(v6) => u128::from(v6),
    }
}

fn u128_to_ip(n: u128, like: IpAddr) -> IpAddr {
    match like {
        IpAddr::V4(_) => IpAddr::V4(std::net::Ipv4Addr::from(n as u32)),
        IpAddr::V6(_) => IpAddr::V6(std::net::Ipv6Addr::from(n)),
    }
}

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn base64_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk.first().copied().unwrap_or(0),
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(
                    BASE64
                        .get(((n >> (18 - 6 * i)) & 63) as usize)
                        .copied()
                        .unwrap_or(b'='),
                ));
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn base64_decode(text: &str) -> Result<Vec<u8>, CallError> {
    let mut out = Vec::new();
    let mut buffer = 0u32;
    let mut bits = 0;
    for c in text.bytes().filter(|c| *c != b'=') {
        let Some(value) = BASE64.iter().position(|b| *b == c) else {
            return invalid("base64decode(): invalid input");
        };
        buffer = (buffer << 6) | value as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits) as u8);
        }
    }
    Ok(out)
}

/// `urlencode`: everything but unreserved characters percent-encoded.
fn urlencode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                char::from(b).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// `regex`/`regexall`: no capture groups → the match; named → an object; unnamed → a list.
fn regex(all: bool, pattern: &str, text: &str) -> Outcome {
    let re = regex::Regex::new(pattern)
        .or_else(|e| invalid(format!("invalid regular expression: {e}")))?;
    let names: Vec<Option<&str>> = re.capture_names().skip(1).collect();
    let convert = |captures: regex::Captures<'_>| -> Value {
        let group = |i: usize| {
            captures
                .get(i)
                .map_or(Value::Null, |m| Value::String(m.as_str().to_string()))
        };
        if names.is_empty() {
            group(0)
        } else if names.iter().all(Option::is_some) {
            Value::Object(
                names
                    .iter()
                    .enumerate()
                    .filter_map(|(i, n)| n.map(|n| (n.to_string(), group(i + 1))))
                    .collect(),
            )
        } else {
            Value::List((1..=names.len()).map(group).collect())
        }
    };
    if all {
        return Ok(Value::List(re.captures_iter(text).map(convert).collect()));
    }
    re.captures(text)
        .map(convert)
        .map_or_else(|| invalid("regex(): no match"), Ok)
}

/// A path for `file()`-like functions: relative to the module, and inside the scan root.
fn resolve(path: &str, ctx: &FunctionContext<'_>) -> Result<std::path::PathBuf, CallError> {
    let joined = ctx.module_dir.join(path);
    let root = std::fs::canonicalize(ctx.scan_root).unwrap_or_else(|_| ctx.scan_root.to_path_buf());
    let resolved = match std::fs::canonicalize(&joined) {
        Ok(resolved) => resolved,
        Err(_) => return Ok(joined), // does not exist: fileexists() says false, file() fails
    };
    if !resolved.starts_with(&root) {
        return Err(CallError::OutsideRoot(path.to_string()));
    }
    Ok(resolved)
}

fn read_file(path: &str, ctx: &FunctionContext<'_>) -> Result<String, CallError> {
    let resolved = resolve(path, ctx)?;
    let metadata = std::fs::metadata(&resolved).or_else(|e| invalid(format!("{path}: {e}")))?;
    if metadata.len() > MAX_FILE {
        return invalid(format!("{path}: larger than {MAX_FILE} bytes"));
    }
    std::fs::read_to_string(&resolved).or_else(|e| invalid(format!("{path}: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(name: &str, args: Vec<Value>) -> Outcome {
        let root = std::env::temp_dir();
        let render = |_: &str, _: &BTreeMap<String, Value>| Ok(Value::String("rendered".into()));
        let ctx = FunctionContext {
            module_dir: &root,
            scan_root: &root,
            render_template: &render,
        };
        call(name, args, &ctx)
    }

    fn s(text: &str) -> Value {
        Value::String(text.into())
    }

    fn n(number: f64) -> Value {
        Value::Number(number)
    }

    #[test]
    fn cidr_functions_match_terraform_docs() {
        assert_eq!(
            run("cidrsubnet", vec![s("10.1.2.0/24"), n(4.0), n(15.0)]),
            Ok(s("10.1.2.240/28"))
        );
        assert_eq!(
            run(
                "cidrsubnet",
                vec![s("fd00:fd12:3456:7890::/56"), n(16.0), n(162.0)]
            ),
            Ok(s("fd00:fd12:3456:7800:a200::/72"))
        );
        assert_eq!(
            run("cidrhost", vec![s("10.12.112.0/20"), n(16.0)]),
            Ok(s("10.12.112.16"))
        );
        assert_eq!(
            run("cidrhost", vec![s("10.12.112.0/20"), n(-2.0)]),
            Ok(s("10.12.127.254"))
        );
        assert_eq!(
            run("cidrnetmask", vec![s("172.16.0.0/12")]),
            Ok(s("255.240.0.0"))
        );
    }

    #[test]
    fn format_and_jsonencode_match_terraform() {
        assert_eq!(
            run("format", vec![s("Hello, %s!"), s("Ander")]),
            Ok(s("Hello, Ander!"))
        );
        assert_eq!(
            run("format", vec![s("There are %d lights"), n(4.0)]),
            Ok(s("There are 4 lights"))
        );
        assert_eq!(
            run(
                "format",
                vec![s("%.2f|%-4s|%q"), n(1.23456), s("a"), s("x")]
            ),
            Ok(s("1.23|a   |\"x\""))
        );
        let object = Value::Object(BTreeMap::from([
            ("b".to_string(), s("<&>")),
            ("a".to_string(), n(1.0)),
        ]));
        assert_eq!(
            run("jsonencode", vec![object]),
            Ok(s(r#"{"a":1,"b":"\u003c\u0026\u003e"}"#))
        );
    }

    #[test]
    fn collections() {
        let list = |items: &[&str]| Value::List(items.iter().map(|i| s(i)).collect());
        assert_eq!(
            run("toset", vec![list(&["b", "a", "b"])]),
            Ok(list(&["a", "b"]))
        );
        assert_eq!(
            run(
                "flatten",
                vec![Value::List(vec![
                    list(&["a"]),
                    Value::List(vec![list(&["b"])])
                ])]
            ),
            Ok(list(&["a", "b"]))
        );
        assert_eq!(
            run("element", vec![list(&["a", "b", "c"]), n(3.0)]),
            Ok(s("a"))
        );
        assert_eq!(
            run("range", vec![n(1.0), n(4.0)]),
            Ok(Value::List(vec![n(1.0), n(2.0), n(3.0)]))
        );
        assert_eq!(
            run("substr", vec![s("hello world"), n(-5.0), n(-1.0)]),
            Ok(s("world"))
        );
        assert!(matches!(
            run("lookup", vec![Value::Object(BTreeMap::new()), s("k")]),
            Err(CallError::Invalid(_))
        ));
    }

    #[test]
    fn unknowns_are_never_guessed() {
        assert_eq!(run("upper", vec![Value::Unknown]), Ok(Value::Unknown));
        assert_eq!(
            run(
                "length",
                vec![Value::List(vec![Value::Unknown, Value::Unknown])]
            ),
            Ok(n(2.0))
        );
        assert_eq!(run("coalesce", vec![s("a"), Value::Unknown]), Ok(s("a")));
        assert_eq!(
            run("coalesce", vec![Value::Unknown, s("a")]),
            Ok(Value::Unknown)
        );
        assert_eq!(run("timestamp", vec![]), Ok(Value::Unknown));
        assert!(matches!(
            run("provider::aws::arn_parse", vec![s("x")]),
            Err(CallError::UnknownFunction(_))
        ));
    }

    #[test]
    fn files_are_read_only_inside_the_scan_root() {
        let root = tempfile::tempdir().unwrap();
        let module = root.path().join("m");
        std::fs::create_dir(&module).unwrap();
        std::fs::write(module.join("policy.json"), "{}").unwrap();
        let render =
            |text: &str, _: &BTreeMap<String, Value>| Ok(Value::String(format!("<{text}>")));
        let ctx = FunctionContext {
            module_dir: &module,
            scan_root: &module,
            render_template: &render,
        };
        assert_eq!(call("file", vec![s("policy.json")], &ctx), Ok(s("{}")));
        assert_eq!(
            call(
                "templatefile",
                vec![s("policy.json"), Value::Object(BTreeMap::new())],
                &ctx
            ),
            Ok(s("<{}>"))
        );
        std::fs::write(root.path().join("secret.txt"), "x").unwrap();
        assert_eq!(
            call("file", vec![s("../secret.txt")], &ctx),
            Err(CallError::OutsideRoot("../secret.txt".into()))
        );
        assert_eq!(
            call("fileexists", vec![s("nope.json")], &ctx),
            Ok(Value::Bool(false))
        );
    }
}
