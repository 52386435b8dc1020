//! Terraform's built-in functions, evaluated statically the way Terraform 1.x evaluates them
//! (its `lang/funcs` package and the `go-cty` standard library it builds on).
//!
//! Unknown values are never guessed: a function whose result depends on an unknown argument
//! returns [`Value::Unknown`], except where Terraform itself knows the result anyway (the
//! length of a list with unknown elements, a `lookup` whose selected element is known, …).
//! Functions whose result is not reproducible (`uuid`, `timestamp`, `bcrypt`, …) or depends on
//! the machine (`abspath`, `pathexpand`) are always unknown. `try` and `can` are evaluated
//! lazily by the evaluator and never reach this module.
//!
//! Terraform itself is written in Go, so several helpers here reproduce Go semantics that
//! Rust's standard library does not share: `fmt` number formatting, `regexp` syntax, the
//! `encoding/json` string escaping, the YAML emitter used by `yamlencode`, `net.ParseCIDR`.

mod collections;
mod conversion;
mod crypto;
mod encoding;
mod files;
mod format;
mod go_regex;
mod network;
mod numbers;
mod strings;
#[cfg(test)]
mod testing;
mod yaml;

use collections::*;
use conversion::*;
use crypto::*;
use encoding::*;
use files::*;
use format::*;
use go_regex::*;
use network::*;
use numbers::*;
use strings::*;
use yaml::*;

// The families below reach these imports and the argument helpers through `use super::*`.
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Read as _;
use std::net::Ipv6Addr;
use std::path::{Component, Path, PathBuf};
use std::sync::LazyLock;

use regex::Regex;
use sha2::{Digest as _, Sha256, Sha512};

use super::value::{Value, format_number};

/// What functions that touch files or templates need from the evaluator.
pub struct FunctionContext<'a> {
    /// Directory of the module being evaluated (`path.module`), for relative file paths.
    pub module_dir: &'a Path,
    /// Files may only be read inside this directory (the scan root).
    pub scan_root: &'a Path,
    /// Renders a template (HCL template syntax) with the given variables; for `templatefile`.
    #[allow(clippy::type_complexity)]
    pub render_template: &'a dyn Fn(&str, &BTreeMap<String, Value>) -> Result<Value, String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum CallError {
    /// Not a function tenet implements: the result is unknown.
    UnknownFunction(String),
    /// Terraform would reject the call (wrong argument count or types, bad input).
    Invalid(String),
    /// `file`/`templatefile`/`fileexists` on a path outside the scan root: never read.
    OutsideRoot(String),
    /// The result would pass a size limit (a hostile input, never a real module): evaluation
    /// of the module stops.
    Limit(String),
}

/// Longest string and most elements one function call may produce. A value that large is
/// built only by an input crafted to exhaust memory.
pub const MAX_RESULT_BYTES: usize = 64 * 1024 * 1024;
pub const MAX_RESULT_ELEMENTS: usize = 1_000_000;
/// Widest `format` width or precision (Go's `fmt` rejects more than 1e6 too).
const MAX_FORMAT_WIDTH: usize = 1_000_000;

fn limit_bytes(bytes: usize, what: &str) -> Result<(), CallError> {
    if bytes > MAX_RESULT_BYTES {
        return Err(CallError::Limit(format!(
            "{what} would build a string of {bytes} bytes, over the {MAX_RESULT_BYTES}-byte limit"
        )));
    }
    Ok(())
}

fn limit_elements(elements: usize, what: &str) -> Result<(), CallError> {
    if elements > MAX_RESULT_ELEMENTS {
        return Err(CallError::Limit(format!(
            "{what} would build more than {MAX_RESULT_ELEMENTS} elements"
        )));
    }
    Ok(())
}

type CallResult = Result<Value, CallError>;

/// `jsonencode` of a value that may hold unknowns, each written as `null`: for the IR's
/// partial values only (Terraform's own result is unknown).
pub fn json_with_unknown_as_null(value: &Value) -> String {
    encoding::json(value)
}

/// Calls the built-in function `name` (optionally written `core::name`) with evaluated
/// arguments. Provider-defined functions (`provider::…`) are unknown functions.
pub fn call(name: &str, args: Vec<Value>, ctx: &FunctionContext<'_>) -> Result<Value, CallError> {
    let builtin = name.strip_prefix("core::").unwrap_or(name);
    let Some(spec) = spec(builtin) else {
        return Err(CallError::UnknownFunction(name.to_string()));
    };
    check_arity(args.len(), spec.min, spec.max)?;
    let unknown = match spec.unknowns {
        Unknowns::Top => args.iter().any(Value::is_unknown),
        Unknowns::Deep => args.iter().any(Value::has_unknown),
        Unknowns::Own => false,
    };
    if unknown {
        return Ok(Value::Unknown);
    }
    match spec.body {
        Body::Pure(f) => f(&args),
        Body::Files(f) => f(&args, ctx),
        Body::Unknowable => Ok(Value::Unknown),
        Body::Removed(message) => invalid(message),
    }
}

// ---------------------------------------------------------------------------------------------
// Dispatch table
// ---------------------------------------------------------------------------------------------

/// How a function treats unknown arguments before its body runs.
#[derive(Clone, Copy)]
enum Unknowns {
    /// An argument that is itself unknown makes the result unknown.
    Top,
    /// An unknown anywhere inside any argument makes the result unknown.
    Deep,
    /// The function decides (Terraform knows some results despite unknown inputs).
    Own,
}

#[derive(Clone, Copy)]
enum Body {
    Pure(fn(&[Value]) -> CallResult),
    Files(fn(&[Value], &FunctionContext<'_>) -> CallResult),
    /// Not reproducible statically (random, time- or machine-dependent): always unknown.
    Unknowable,
    /// Removed from the language: always an error.
    Removed(&'static str),
}

struct Spec {
    min: usize,
    max: usize,
    unknowns: Unknowns,
    body: Body,
}

const MANY: usize = usize::MAX;

fn spec(name: &str) -> Option<Spec> {
    use Body::{Files, Pure, Removed, Unknowable};
    use Unknowns::{Deep, Own, Top};
    let s = |min, max, unknowns, body| {
        Some(Spec {
            min,
            max,
            unknowns,
            body,
        })
    };
    match name {
        // Collections
        "alltrue" => s(1, 1, Own, Pure(alltrue)),
        "anytrue" => s(1, 1, Own, Pure(anytrue)),
        "chunklist" => s(2, 2, Own, Pure(chunklist)),
        "coalesce" => s(0, MANY, Own, Pure(coalesce)),
        "coalescelist" => s(0, MANY, Own, Pure(coalescelist)),
        "compact" => s(1, 1, Deep, Pure(compact)),
        "concat" => s(1, MANY, Own, Pure(concat)),
        "contains" => s(2, 2, Own, Pure(contains)),
        "distinct" => s(1, 1, Deep, Pure(distinct)),
        "element" => s(2, 2, Own, Pure(element)),
        "flatten" => s(1, 1, Own, Pure(flatten)),
        "index" => s(2, 2, Own, Pure(index)),
        "keys" => s(1, 1, Own, Pure(keys)),
        "length" => s(1, 1, Own, Pure(length)),
        "lookup" => s(2, 3, Own, Pure(lookup)),
        "matchkeys" => s(3, 3, Own, Pure(matchkeys)),
        "merge" => s(0, MANY, Own, Pure(merge)),
        "one" => s(1, 1, Own, Pure(one)),
        "reverse" => s(1, 1, Top, Pure(reverse)),
        "setintersection" => s(1, MANY, Deep, Pure(setintersection)),
        "setproduct" => s(2, MANY, Deep, Pure(setproduct)),
        "setsubtract" => s(2, 2, Deep, Pure(setsubtract)),
        "setunion" => s(1, MANY, Deep, Pure(setunion)),
        "slice" => s(3, 3, Own, Pure(slice)),
        "sort" => s(1, 1, Deep, Pure(sort)),
        "sum" => s(1, 1, Deep, Pure(sum)),
        "transpose" => s(1, 1, Deep, Pure(transpose)),
        "values" => s(1, 1, Top, Pure(values)),
        "zipmap" => s(2, 2, Own, Pure(zipmap)),
        // Type conversion
        "tobool" => s(1, 1, Top, Pure(tobool)),
        "tolist" => s(1, 1, Own, Pure(tolist)),
        "tomap" => s(1, 1, Own, Pure(tomap)),
        "tonumber" => s(1, 1, Top, Pure(tonumber)),
        "toset" => s(1, 1, Own, Pure(toset)),
        "tostring" => s(1, 1, Top, Pure(tostring)),
        "nonsensitive" | "sensitive" | "ephemeralasnull" => s(1, 1, Own, Pure(identity)),
        "issensitive" | "type" => s(1, 1, Own, Unknowable),
        // Numbers
        "abs" => s(1, 1, Top, Pure(abs)),
        "ceil" => s(1, 1, Top, Pure(ceil)),
        "floor" => s(1, 1, Top, Pure(floor)),
        "log" => s(2, 2, Top, Pure(log)),
        "max" => s(1, MANY, Top, Pure(max)),
        "min" => s(1, MANY, Top, Pure(min)),
        "parseint" => s(2, 2, Top, Pure(parseint)),
        "pow" => s(2, 2, Top, Pure(pow)),
        "range" => s(1, 3, Top, Pure(range)),
        "signum" => s(1, 1, Top, Pure(signum)),
        // Strings
        "chomp" => s(1, 1, Top, Pure(chomp)),
        "endswith" => s(2, 2, Top, Pure(endswith)),
        "format" => s(1, MANY, Deep, Pure(format)),
        "formatlist" => s(1, MANY, Own, Pure(formatlist)),
        "indent" => s(2, 2, Top, Pure(indent)),
        "join" => s(2, MANY, Deep, Pure(join)),
        "lower" => s(1, 1, Top, Pure(lower)),
        "regex" => s(2, 2, Top, Pure(regex)),
        "regexall" => s(2, 2, Top, Pure(regexall)),
        "replace" => s(3, 3, Top, Pure(replace)),
        "split" => s(2, 2, Top, Pure(split)),
        "startswith" => s(2, 2, Top, Pure(startswith)),
        "strcontains" => s(2, 2, Top, Pure(strcontains)),
        "strrev" => s(1, 1, Top, Pure(strrev)),
        "substr" => s(3, 3, Top, Pure(substr)),
        "title" => s(1, 1, Top, Pure(title)),
        "trim" => s(2, 2, Top, Pure(trim)),
        "trimprefix" => s(2, 2, Top, Pure(trimprefix)),
        "trimspace" => s(1, 1, Top, Pure(trimspace)),
        "trimsuffix" => s(2, 2, Top, Pure(trimsuffix)),
        "upper" => s(1, 1, Top, Pure(upper)),
        // Encoding and hashing
        "base64decode" => s(1, 1, Top, Pure(base64decode)),
        "base64encode" => s(1, 1, Top, Pure(base64encode)),
        "base64sha256" => s(1, 1, Top, Pure(base64sha256)),
        "base64sha512" => s(1, 1, Top, Pure(base64sha512)),
        "csvdecode" => s(1, 1, Top, Pure(csvdecode)),
        "jsondecode" => s(1, 1, Top, Pure(jsondecode)),
        "jsonencode" => s(1, 1, Deep, Pure(jsonencode)),
        "md5" => s(1, 1, Top, Pure(md5)),
        "sha1" => s(1, 1, Top, Pure(sha1)),
        "sha256" => s(1, 1, Top, Pure(sha256)),
        "sha512" => s(1, 1, Top, Pure(sha512)),
        "urlencode" => s(1, 1, Top, Pure(urlencode)),
        "uuidv5" => s(2, 2, Top, Pure(uuidv5)),
        "yamldecode" => s(1, 1, Top, Pure(yamldecode)),
        "yamlencode" => s(1, 1, Deep, Pure(yamlencode)),
        // IP networks
        "cidrhost" => s(2, 2, Top, Pure(cidrhost)),
        "cidrnetmask" => s(1, 1, Top, Pure(cidrnetmask)),
        "cidrsubnet" => s(3, 3, Top, Pure(cidrsubnet)),
        "cidrsubnets" => s(1, MANY, Top, Pure(cidrsubnets)),
        // Files and paths
        "basename" => s(1, 1, Top, Pure(basename)),
        "dirname" => s(1, 1, Top, Pure(dirname)),
        "file" => s(1, 1, Top, Files(file)),
        "filebase64" => s(1, 1, Top, Files(filebase64)),
        "filebase64sha256" => s(1, 1, Top, Files(filebase64sha256)),
        "filebase64sha512" => s(1, 1, Top, Files(filebase64sha512)),
        "fileexists" => s(1, 1, Top, Files(fileexists)),
        "filemd5" => s(1, 1, Top, Files(filemd5)),
        "filesha1" => s(1, 1, Top, Files(filesha1)),
        "filesha256" => s(1, 1, Top, Files(filesha256)),
        "filesha512" => s(1, 1, Top, Files(filesha512)),
        "fileset" => s(2, 2, Top, Files(fileset)),
        "templatefile" => s(2, 2, Top, Files(templatefile)),
        "templatestring" => s(2, 2, Top, Files(templatestring)),
        // Not reproducible statically
        "abspath" | "pathexpand" | "base64gzip" => s(1, 1, Own, Unknowable),
        "bcrypt" => s(1, 2, Own, Unknowable),
        "rsadecrypt" | "textencodebase64" | "textdecodebase64" => s(2, 2, Own, Unknowable),
        "plantimestamp" | "timestamp" | "uuid" => s(0, 0, Own, Unknowable),
        // Removed in Terraform 0.12
        "list" => s(
            0,
            MANY,
            Own,
            Removed(
                "the \"list\" function was deprecated in Terraform v0.12 and is no longer \
                 available; use tolist([ ... ]) syntax to write a literal list",
            ),
        ),
        "map" => s(
            0,
            MANY,
            Own,
            Removed(
                "the \"map\" function was deprecated in Terraform v0.12 and is no longer \
                 available; use tomap({ ... }) syntax to write a literal map",
            ),
        ),
        _ => None,
    }
}

fn check_arity(got: usize, min: usize, max: usize) -> Result<(), CallError> {
    if got >= min && got <= max {
        return Ok(());
    }
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    let message = if min == max {
        format!("expects {min} argument{}, got {got}", plural(min))
    } else if max == MANY {
        format!("expects at least {min} argument{}, got {got}", plural(min))
    } else {
        format!("expects {min} to {max} arguments, got {got}")
    };
    invalid(message)
}

// ---------------------------------------------------------------------------------------------
// Argument helpers
// ---------------------------------------------------------------------------------------------

fn invalid<T>(message: impl Into<String>) -> Result<T, CallError> {
    Err(CallError::Invalid(message.into()))
}

static NULL: Value = Value::Null;

/// The `i`th argument (arity is checked before any function body runs).
fn arg(args: &[Value], i: usize) -> &Value {
    args.get(i).unwrap_or(&NULL)
}

fn null_error<T>() -> Result<T, CallError> {
    invalid("argument must not be null")
}

/// Terraform's conversion to string: numbers and bools convert, null and collections do not.
fn str_of(v: &Value) -> Result<String, CallError> {
    match v {
        Value::String(s) => Ok(s.clone()),
        Value::Number(n) => Ok(format_number(*n)),
        Value::Bool(b) => Ok(b.to_string()),
        Value::Null => null_error(),
        other => invalid(format!("string required, got {}", other.type_name())),
    }
}

/// Terraform's conversion to number: strings holding a decimal number convert.
fn num_of(v: &Value) -> Result<f64, CallError> {
    match v {
        Value::Number(n) => Ok(*n),
        Value::String(s) => parse_number(s).map_or_else(
            || {
                invalid(format!(
                    "cannot convert {s:?} to number; given string must be a decimal \
                     representation of a number"
                ))
            },
            Ok,
        ),
        Value::Null => null_error(),
        other => invalid(format!("number required, got {}", other.type_name())),
    }
}

/// A number that must be whole (Terraform's conversion to a Go `int`).
fn int_of(v: &Value) -> Result<i64, CallError> {
    let n = num_of(v)?;
    if n.fract() != 0.0 || !n.is_finite() || n.abs() >= 9_223_372_036_854_775_808.0 {
        return invalid(
            "value must be a whole number, between -9223372036854775808 and 9223372036854775807",
        );
    }
    Ok(n as i64)
}

fn bool_of(v: &Value) -> Result<bool, CallError> {
    match v {
        Value::Bool(b) => Ok(*b),
        Value::String(s) if s == "true" => Ok(true),
        Value::String(s) if s == "false" => Ok(false),
        Value::String(s) => invalid(format!(
            "cannot convert {s:?} to bool; only the strings \"true\" or \"false\" are allowed"
        )),
        Value::Null => null_error(),
        other => invalid(format!("bool required, got {}", other.type_name())),
    }
}

fn list_of(v: &Value) -> Result<&[Value], CallError> {
    match v {
        Value::List(items) => Ok(items),
        Value::Null => null_error(),
        other => invalid(format!("list required, got {}", other.type_name())),
    }
}

fn map_of(v: &Value) -> Result<&BTreeMap<String, Value>, CallError> {
    match v {
        Value::Object(map) => Ok(map),
        Value::Null => null_error(),
        other => invalid(format!("map required, got {}", other.type_name())),
    }
}

fn str_at(args: &[Value], i: usize) -> Result<String, CallError> {
    str_of(arg(args, i))
}

fn num_at(args: &[Value], i: usize) -> Result<f64, CallError> {
    num_of(arg(args, i))
}

fn int_at(args: &[Value], i: usize) -> Result<i64, CallError> {
    int_of(arg(args, i))
}

fn string(s: impl Into<String>) -> CallResult {
    Ok(Value::String(s.into()))
}

/// A numeric result; infinities and NaN have no static representation here.
fn number(n: f64) -> CallResult {
    Ok(if n.is_finite() {
        Value::Number(n)
    } else {
        Value::Unknown
    })
}

fn count(n: usize) -> Value {
    Value::Number(n as f64)
}

/// Terraform's (cty's) syntax for numbers written as strings: an optional sign, decimal
/// digits with an optional fraction, an optional exponent.
fn parse_number(s: &str) -> Option<f64> {
    let bytes = s.as_bytes();
    let mut i = usize::from(matches!(bytes.first(), Some(b'+' | b'-')));
    let digits = |i: &mut usize| {
        let start = *i;
        while bytes.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i - start
    };
    let mut mantissa = digits(&mut i);
    if bytes.get(i) == Some(&b'.') {
        i += 1;
        mantissa += digits(&mut i);
    }
    if mantissa == 0 {
        return None;
    }
    if matches!(bytes.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(bytes.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return None;
        }
    }
    if i != bytes.len() {
        return None;
    }
    s.parse::<f64>().ok().filter(|n| n.is_finite())
}

/// Three-valued equality, as cty's `Equals`: `None` when an unknown decides the answer.
fn equals(a: &Value, b: &Value) -> Option<bool> {
    match (a, b) {
        (Value::Unknown, _) | (_, Value::Unknown) => None,
        (Value::List(x), Value::List(y)) => {
            if x.len() != y.len() {
                return Some(false);
            }
            all_equal(x.iter().zip(y))
        }
        (Value::Object(x), Value::Object(y)) => {
            if x.len() != y.len() || x.keys().ne(y.keys()) {
                return Some(false);
            }
            all_equal(x.values().zip(y.values()))
        }
        _ => Some(a == b),
    }
}

fn all_equal<'a>(pairs: impl Iterator<Item = (&'a Value, &'a Value)>) -> Option<bool> {
    let mut unknown = false;
    for (x, y) in pairs {
        match equals(x, y) {
            Some(false) => return Some(false),
            None => unknown = true,
            Some(true) => {}
        }
    }
    if unknown { None } else { Some(true) }
}

/// Terraform's type unification of collection elements: mixing strings with numbers or
/// bools converts them all to strings; numbers with bools, or primitives with collections,
/// have no common type.
fn unify(items: &[Value]) -> Result<Vec<Value>, CallError> {
    let has = |f: fn(&Value) -> bool| items.iter().any(f);
    let strings = has(|v| matches!(v, Value::String(_)));
    let numbers = has(|v| matches!(v, Value::Number(_)));
    let bools = has(|v| matches!(v, Value::Bool(_)));
    let structural = has(|v| matches!(v, Value::List(_) | Value::Object(_)));
    let primitive = strings || numbers || bools;
    if (structural && primitive) || (numbers && bools && !strings) {
        return invalid("all elements must have the same type");
    }
    if !strings || !(numbers || bools) {
        return Ok(items.to_vec());
    }
    Ok(items
        .iter()
        .map(|v| match v {
            Value::Number(_) | Value::Bool(_) => {
                v.to_template_string().map_or(Value::Unknown, Value::String)
            }
            other => other.clone(),
        })
        .collect())
}

/// A set's elements in Terraform's order: de-duplicated, and sorted when all are strings
/// (bytewise), numbers (numerically) or bools (false first); otherwise first-seen order.
fn set_order(items: Vec<Value>) -> Vec<Value> {
    let mut out = first_occurrences(items);
    if out.iter().all(|v| matches!(v, Value::String(_))) {
        out.sort_by(|a, b| a.as_str().cmp(&b.as_str()));
    } else if out.iter().all(|v| matches!(v, Value::Number(_))) {
        out.sort_by(|a, b| {
            a.as_f64()
                .partial_cmp(&b.as_f64())
                .unwrap_or(std::cmp::Ordering::Equal)
        });
    } else if out.iter().all(|v| matches!(v, Value::Bool(_))) {
        out.sort_by_key(|v| v.as_bool());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::terraform::functions::testing::*;

    #[test]
    fn dispatch_and_arity() {
        assert_eq!(ok("core::upper", vec![s("a")]), s("A"));
        assert_eq!(
            run("provider::aws::arn_parse", vec![s("arn")]),
            Err(CallError::UnknownFunction(
                "provider::aws::arn_parse".into()
            ))
        );
        assert!(matches!(
            run("no_such_function", vec![]),
            Err(CallError::UnknownFunction(_))
        ));
        assert_eq!(fails("upper", vec![]), "expects 1 argument, got 0");
        assert_eq!(
            fails("lookup", vec![s("a")]),
            "expects 2 to 3 arguments, got 1"
        );
        assert_eq!(
            fails("concat", vec![]),
            "expects at least 1 argument, got 0"
        );
        assert!(fails("list", vec![n(1.0)]).contains("tolist"));
    }

    #[test]
    fn unknowable_functions_are_unknown() {
        assert_eq!(ok("uuid", vec![]), U);
        assert_eq!(ok("timestamp", vec![]), U);
        assert_eq!(ok("abspath", vec![s("x")]), U);
        assert_eq!(ok("pathexpand", vec![s("~/x")]), U);
        assert_eq!(ok("type", vec![n(1.0)]), U);
        assert_eq!(ok("textencodebase64", vec![s("x"), s("UTF-16LE")]), U);
        assert_eq!(ok("bcrypt", vec![s("secret")]), U);
        assert_eq!(ok("sensitive", vec![s("x")]), s("x"));
        assert_eq!(ok("nonsensitive", vec![U]), U);
    }

    #[test]
    fn unknown_propagation() {
        assert_eq!(ok("upper", vec![U]), U);
        assert_eq!(ok("jsonencode", vec![list(vec![n(1.0), U])]), U);
        assert_eq!(ok("yamlencode", vec![obj(&[("a", U)])]), U);
        assert_eq!(ok("format", vec![s("%s-%s"), s("a"), list(vec![U])]), U);
        assert_eq!(ok("join", vec![s(","), list(vec![s("a"), U])]), U);
        assert_eq!(ok("length", vec![list(vec![U, n(1.0)])]), n(2.0));
        assert_eq!(ok("length", vec![U]), U);
        assert_eq!(
            ok("keys", vec![obj(&[("b", U), ("a", n(1.0))])]),
            strs(&["a", "b"])
        );
        assert_eq!(
            ok("merge", vec![obj(&[("a", U)]), obj(&[("b", n(1.0))])]),
            obj(&[("a", U), ("b", n(1.0))])
        );
        assert_eq!(ok("merge", vec![obj(&[("a", n(1.0))]), U]), U);
        assert_eq!(
            ok("concat", vec![list(vec![U]), nums(&[1.0])]),
            list(vec![U, n(1.0)])
        );
        assert_eq!(ok("concat", vec![U, nums(&[1.0])]), U);
        assert_eq!(ok("flatten", vec![list(vec![nums(&[1.0]), U])]), U);
        assert_eq!(
            ok("tolist", vec![list(vec![s("a"), U])]),
            list(vec![s("a"), U])
        );
        assert_eq!(ok("toset", vec![list(vec![s("a"), U])]), U);
        assert_eq!(
            ok("lookup", vec![obj(&[("a", n(1.0)), ("b", U)]), s("a")]),
            n(1.0)
        );
        assert_eq!(ok("lookup", vec![obj(&[("a", n(1.0))]), U]), U);
        assert_eq!(ok("element", vec![list(vec![s("a"), U]), n(0.0)]), s("a"));
        assert_eq!(ok("element", vec![list(vec![s("a"), U]), n(1.0)]), U);
        assert_eq!(ok("coalesce", vec![Value::Null, s("a"), U]), s("a"));
        assert_eq!(ok("coalesce", vec![Value::Null, U, s("a")]), U);
        assert_eq!(ok("coalesce", vec![s(""), U]), U);
        assert_eq!(ok("coalescelist", vec![nums(&[1.0]), U]), nums(&[1.0]));
        assert_eq!(ok("coalescelist", vec![list(vec![]), U, nums(&[1.0])]), U);
        assert_eq!(
            ok("contains", vec![list(vec![s("a"), U]), s("a")]),
            Value::Bool(true)
        );
        assert_eq!(ok("contains", vec![list(vec![s("a"), U]), s("b")]), U);
        assert_eq!(ok("index", vec![list(vec![s("a"), U]), s("a")]), n(0.0));
        assert_eq!(ok("index", vec![list(vec![U, s("a")]), s("a")]), U);
        assert_eq!(ok("compact", vec![list(vec![s("a"), U])]), U);
        assert_eq!(
            ok("alltrue", vec![list(vec![Value::Bool(false), U])]),
            Value::Bool(false)
        );
        assert_eq!(ok("alltrue", vec![list(vec![U, Value::Bool(false)])]), U);
        assert_eq!(
            ok("anytrue", vec![list(vec![U, Value::Bool(true)])]),
            Value::Bool(true)
        );
        assert_eq!(ok("one", vec![list(vec![U])]), U);
        assert_eq!(
            ok("slice", vec![list(vec![U, n(1.0)]), n(1.0), n(2.0)]),
            nums(&[1.0])
        );
        assert_eq!(
            ok("zipmap", vec![strs(&["a"]), list(vec![U])]),
            obj(&[("a", U)])
        );
        assert_eq!(ok("zipmap", vec![list(vec![U]), nums(&[1.0])]), U);
        assert_eq!(ok("templatefile", vec![s("x.tftpl"), U]), U);
    }
}
