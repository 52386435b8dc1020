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

// ---------------------------------------------------------------------------------------------
// Collections
// ---------------------------------------------------------------------------------------------

/// `length(value)`: grapheme clusters of a string, elements of a list, attributes of an object.
/// A known list with unknown elements still has a known length.
fn length(args: &[Value]) -> CallResult {
    match arg(args, 0) {
        Value::Unknown => Ok(Value::Unknown),
        Value::String(s) => Ok(count(graphemes(s).len())),
        Value::List(items) => Ok(count(items.len())),
        Value::Object(map) => Ok(count(map.len())),
        Value::Null => null_error(),
        _ => invalid("argument must be a string, a collection type, or a structural type"),
    }
}

/// `keys(map)`: the keys, sorted. Known even when some values are unknown.
fn keys(args: &[Value]) -> CallResult {
    match arg(args, 0) {
        Value::Unknown => Ok(Value::Unknown),
        Value::Object(map) => Ok(Value::List(
            map.keys().cloned().map(Value::String).collect(),
        )),
        Value::Null => null_error(),
        _ => invalid("must have map or object type"),
    }
}

/// `values(map)`: the values, in key order.
fn values(args: &[Value]) -> CallResult {
    match arg(args, 0) {
        Value::Object(map) => Ok(Value::List(map.values().cloned().collect())),
        Value::Null => null_error(),
        _ => invalid("values() requires a map as the first argument"),
    }
}

/// `lookup(map, key, default?)`: the element at `key`, else the default, else an error.
fn lookup(args: &[Value]) -> CallResult {
    let (map, key) = (arg(args, 0), arg(args, 1));
    if map.is_unknown() || key.is_unknown() {
        return Ok(Value::Unknown);
    }
    let entries = match map {
        Value::Object(entries) => entries,
        Value::Null => return null_error(),
        _ => return invalid("lookup() requires a map as the first argument"),
    };
    let key = str_of(key)?;
    if let Some(found) = entries.get(&key) {
        return Ok(found.clone());
    }
    match args.get(2) {
        Some(default) => Ok(default.clone()),
        None => invalid(format!("lookup failed to find key {key}")),
    }
}

/// `element(list, index)`: the element at `index`, wrapping around in both directions.
fn element(args: &[Value]) -> CallResult {
    let (list, index) = (arg(args, 0), arg(args, 1));
    if index.is_unknown() {
        return Ok(Value::Unknown);
    }
    let index = int_of(index).map_err(|e| prefixed("invalid index", e))?;
    if list.is_unknown() {
        return Ok(Value::Unknown);
    }
    let items = match list {
        Value::List(items) => items,
        Value::Null => return null_error(),
        other => return invalid(format!("cannot read elements from {}", other.type_name())),
    };
    let len = items.len() as i64;
    if len == 0 {
        return invalid("cannot use element function with an empty list");
    }
    let at = usize::try_from(index.rem_euclid(len)).unwrap_or(0);
    Ok(items.get(at).cloned().unwrap_or(Value::Unknown))
}

fn prefixed(prefix: &str, error: CallError) -> CallError {
    match error {
        CallError::Invalid(message) => CallError::Invalid(format!("{prefix}: {message}")),
        other => other,
    }
}

/// `index(list, value)`: the position of the first element equal to `value`.
fn index(args: &[Value]) -> CallResult {
    let (list, value) = (arg(args, 0), arg(args, 1));
    if list.is_unknown() {
        return Ok(Value::Unknown);
    }
    let items = match list {
        Value::List(items) => items,
        _ => return invalid("argument must be a list or tuple"),
    };
    if items.is_empty() {
        return invalid("cannot search an empty list");
    }
    for (i, item) in items.iter().enumerate() {
        match equals(item, value) {
            None => return Ok(Value::Unknown),
            Some(true) => return Ok(count(i)),
            Some(false) => {}
        }
    }
    invalid("item not found")
}

/// `contains(list, value)`: whether some element equals `value`; unknown when only an
/// unknown element could match.
fn contains(args: &[Value]) -> CallResult {
    let (list, value) = (arg(args, 0), arg(args, 1));
    let items = match list {
        Value::Unknown => return Ok(Value::Unknown),
        Value::List(items) => items,
        Value::Null => return invalid("cannot search a nil list or set"),
        _ => return invalid("argument must be list, tuple, or set"),
    };
    if items.is_empty() {
        return Ok(Value::Bool(false));
    }
    if value.is_unknown() {
        return Ok(Value::Unknown);
    }
    let mut unknown = false;
    for item in items {
        match equals(value, item) {
            Some(true) => return Ok(Value::Bool(true)),
            None => unknown = true,
            Some(false) => {}
        }
    }
    Ok(if unknown {
        Value::Unknown
    } else {
        Value::Bool(false)
    })
}

/// `one(list)`: null for an empty list, the element of a one-element list, else an error.
fn one(args: &[Value]) -> CallResult {
    match arg(args, 0) {
        Value::Unknown => Ok(Value::Unknown),
        Value::List(items) => match items.as_slice() {
            [] => Ok(Value::Null),
            [only] => Ok(only.clone()),
            _ => invalid("must be a list, set, or tuple value with either zero or one elements"),
        },
        Value::Null => null_error(),
        _ => invalid("must be a list, set, or tuple value with either zero or one elements"),
    }
}

/// `merge(maps...)`: later keys win; null arguments are skipped. Values may be unknown.
fn merge(args: &[Value]) -> CallResult {
    let mut out = BTreeMap::new();
    for map in args {
        match map {
            Value::Unknown => return Ok(Value::Unknown),
            Value::Null => {}
            Value::Object(entries) => {
                out.extend(entries.iter().map(|(k, v)| (k.clone(), v.clone())));
            }
            other => {
                return invalid(format!(
                    "arguments must be maps or objects, got {:?}",
                    other.type_name()
                ));
            }
        }
    }
    Ok(Value::Object(out))
}

/// `concat(lists...)`: the lists joined end to end. Elements may be unknown.
fn concat(args: &[Value]) -> CallResult {
    let mut out = Vec::new();
    for list in args {
        match list {
            Value::Unknown => return Ok(Value::Unknown),
            Value::List(items) => out.extend(items.iter().cloned()),
            Value::Null => return null_error(),
            other => {
                return invalid(format!(
                    "all arguments must be lists or tuples; got {}",
                    other.type_name()
                ));
            }
        }
    }
    Ok(Value::List(out))
}

/// `flatten(list)`: nested lists replaced by their elements, recursively. An unknown element
/// might be a list, so it makes the result unknown.
fn flatten(args: &[Value]) -> CallResult {
    fn walk(items: &[Value], out: &mut Vec<Value>) -> bool {
        for item in items {
            match item {
                Value::Unknown => return false,
                Value::List(inner) => {
                    if !walk(inner, out) {
                        return false;
                    }
                }
                other => out.push(other.clone()),
            }
        }
        true
    }
    let items = match arg(args, 0) {
        Value::Unknown => return Ok(Value::Unknown),
        Value::List(items) => items,
        Value::Null => return null_error(),
        _ => return invalid("can only flatten lists, sets and tuples"),
    };
    let mut out = Vec::new();
    Ok(if walk(items, &mut out) {
        Value::List(out)
    } else {
        Value::Unknown
    })
}

/// `distinct(list)`: the first occurrence of each element.
fn distinct(args: &[Value]) -> CallResult {
    Ok(Value::List(first_occurrences(
        list_of(arg(args, 0))?.to_vec(),
    )))
}

/// The first occurrence of each value, in order: linear time (values are compared by a
/// canonical encoding, equal exactly when the values are).
fn first_occurrences(items: Vec<Value>) -> Vec<Value> {
    let mut seen = std::collections::HashSet::with_capacity(items.len());
    items
        .into_iter()
        .filter(|item| seen.insert(identity_key(item)))
        .collect()
}

/// A canonical encoding of a value: two values get the same key exactly when they are equal
/// (`0` and `-0` alike, as `==` has them).
fn identity_key(value: &Value) -> String {
    fn write(value: &Value, out: &mut String) {
        match value {
            Value::Null => out.push('n'),
            Value::Unknown => out.push('u'),
            Value::Bool(b) => out.push(if *b { 't' } else { 'f' }),
            Value::Number(n) => {
                out.push('#');
                out.push_str(&(n + 0.0).to_bits().to_string());
                out.push(';');
            }
            Value::String(s) => {
                out.push_str(&format!("s{}:", s.len()));
                out.push_str(s);
            }
            Value::List(items) => {
                out.push('[');
                for item in items {
                    write(item, out);
                }
                out.push(']');
            }
            Value::Object(map) => {
                out.push('{');
                for (key, item) in map {
                    out.push_str(&format!("{}:", key.len()));
                    out.push_str(key);
                    write(item, out);
                }
                out.push('}');
            }
        }
    }
    let mut out = String::new();
    write(value, &mut out);
    out
}

/// `compact(list)`: the list of strings without nulls and empty strings.
fn compact(args: &[Value]) -> CallResult {
    let mut out = Vec::new();
    for item in list_of(arg(args, 0))? {
        if item == &Value::Null {
            continue;
        }
        let s = str_of(item)?;
        if !s.is_empty() {
            out.push(Value::String(s));
        }
    }
    Ok(Value::List(out))
}

/// `coalesce(values...)`: the first argument that is neither null nor an empty string. The
/// arguments are unified first (`coalesce(1, "a")` is `"1"`). An unknown before the chosen
/// argument makes the result unknown.
fn coalesce(args: &[Value]) -> CallResult {
    let known: Vec<Value> = args.iter().filter(|v| !v.is_unknown()).cloned().collect();
    let unified =
        unify(&known).map_err(|_| invalid_msg("all arguments must have the same type"))?;
    let mut unified = unified.into_iter();
    for original in args {
        if original.is_unknown() {
            return Ok(Value::Unknown);
        }
        let value = unified.next().unwrap_or(Value::Null);
        match &value {
            Value::Null => {}
            Value::String(s) if s.is_empty() => {}
            _ => return Ok(value),
        }
    }
    invalid("no non-null, non-empty-string arguments")
}

fn invalid_msg(message: &str) -> CallError {
    CallError::Invalid(message.to_string())
}

/// `coalescelist(lists...)`: the first non-empty list.
fn coalescelist(args: &[Value]) -> CallResult {
    if args.is_empty() {
        return invalid("at least one argument is required");
    }
    if !args.iter().any(Value::is_unknown)
        && args
            .iter()
            .any(|v| !matches!(v, Value::List(_) | Value::Null))
    {
        return invalid("coalescelist arguments must be lists or tuples");
    }
    for list in args {
        match list {
            Value::Unknown => return Ok(Value::Unknown),
            Value::List(items) if !items.is_empty() => return Ok(list.clone()),
            _ => {}
        }
    }
    invalid("no non-null arguments")
}

/// `zipmap(keys, values)`: a map from each key to the value at the same position.
fn zipmap(args: &[Value]) -> CallResult {
    let (keys, values) = (arg(args, 0), arg(args, 1));
    if keys.has_unknown() || values.is_unknown() {
        return Ok(Value::Unknown);
    }
    let keys = list_of(keys)?;
    let values = match values {
        Value::List(items) => items,
        _ => return invalid("values argument must be a list or tuple value"),
    };
    if keys.len() != values.len() {
        return invalid(format!(
            "number of keys ({}) does not match number of values ({})",
            keys.len(),
            values.len()
        ));
    }
    let mut out = BTreeMap::new();
    for (i, (key, value)) in keys.iter().zip(values).enumerate() {
        if key == &Value::Null {
            return invalid(format!("keys list has null value at index {i}"));
        }
        out.insert(str_of(key)?, value.clone());
    }
    Ok(Value::Object(out))
}

/// `slice(list, start, end)`: elements from `start` (inclusive) to `end` (exclusive).
fn slice(args: &[Value]) -> CallResult {
    let (list, start, end) = (arg(args, 0), arg(args, 1), arg(args, 2));
    let items = match list {
        Value::Unknown => return Ok(Value::Unknown),
        Value::List(items) => items,
        _ => return invalid("must be a list or tuple value"),
    };
    if start.is_unknown() || end.is_unknown() {
        return Ok(Value::Unknown);
    }
    let len = items.len() as i64;
    let start = int_of(start).map_err(|e| prefixed("invalid start index", e))?;
    if start < 0 {
        return invalid("start index must not be less than zero");
    }
    if start > len {
        return invalid("start index must not be greater than the length of the list");
    }
    let end = int_of(end).map_err(|e| prefixed("invalid end index", e))?;
    if end < 0 {
        return invalid("end index must not be less than zero");
    }
    if end > len {
        return invalid("end index must not be greater than the length of the list");
    }
    if start > end {
        return invalid("start index must not be greater than end index");
    }
    let (start, end) = (
        usize::try_from(start).unwrap_or(0),
        usize::try_from(end).unwrap_or(0),
    );
    Ok(Value::List(
        items
            .iter()
            .skip(start)
            .take(end - start)
            .cloned()
            .collect(),
    ))
}

/// `reverse(list)`: the elements in reverse order.
fn reverse(args: &[Value]) -> CallResult {
    match arg(args, 0) {
        Value::List(items) => Ok(Value::List(items.iter().rev().cloned().collect())),
        Value::Null => null_error(),
        other => invalid(format!(
            "can only reverse list or tuple values, not {}",
            other.type_name()
        )),
    }
}

/// `sort(list)`: the strings sorted lexically (bytewise); numbers are sorted as strings.
fn sort(args: &[Value]) -> CallResult {
    let mut strings = Vec::new();
    for (i, item) in list_of(arg(args, 0))?.iter().enumerate() {
        if item == &Value::Null {
            return invalid(format!(
                "given list element {i} is null; a null string cannot be sorted"
            ));
        }
        strings.push(str_of(item)?);
    }
    strings.sort();
    Ok(Value::List(
        strings.into_iter().map(Value::String).collect(),
    ))
}

/// `chunklist(list, size)`: consecutive chunks of at most `size` elements.
fn chunklist(args: &[Value]) -> CallResult {
    let (list, size) = (arg(args, 0), arg(args, 1));
    if list.is_unknown() || size.is_unknown() {
        return Ok(Value::Unknown);
    }
    let size = int_of(size).map_err(|e| prefixed("invalid size", e))?;
    if size < 0 {
        return invalid("the size argument must be positive");
    }
    let items = list_of(list)?;
    if items.is_empty() {
        return Ok(Value::List(Vec::new()));
    }
    if size == 0 {
        return Ok(Value::List(vec![list.clone()]));
    }
    let size = usize::try_from(size).unwrap_or(usize::MAX);
    Ok(Value::List(
        items
            .chunks(size)
            .map(|chunk| Value::List(chunk.to_vec()))
            .collect(),
    ))
}

/// `transpose(map of lists of strings)`: swaps keys and values.
fn transpose(args: &[Value]) -> CallResult {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (key, list) in map_of(arg(args, 0))? {
        let items = match list {
            Value::List(items) => items,
            Value::Null => return invalid("input must not contain null list"),
            _ => return invalid("input must be a map of lists of strings"),
        };
        for item in items {
            if item == &Value::Null {
                return invalid("input list must not contain null string");
            }
            let entry = out.entry(str_of(item)?).or_default();
            entry.push(key.clone());
            entry.sort();
        }
    }
    Ok(Value::Object(
        out.into_iter()
            .map(|(k, v)| (k, Value::List(v.into_iter().map(Value::String).collect())))
            .collect(),
    ))
}

/// The arguments of a set function, unified to a common element type, as sets.
fn set_args(args: &[Value]) -> Result<Vec<Vec<Value>>, CallError> {
    let mut all = Vec::new();
    let mut lengths = Vec::new();
    for set in args {
        let items = list_of(set)?;
        lengths.push(items.len());
        all.extend(items.iter().cloned());
    }
    let unified = unify(&all)
        .map_err(|_| invalid_msg("given sets must all have compatible element types"))?;
    let mut unified = unified.into_iter();
    Ok(lengths
        .into_iter()
        .map(|n| set_order(unified.by_ref().take(n).collect()))
        .collect())
}

/// `setunion(sets...)`: elements in any of the sets.
fn setunion(args: &[Value]) -> CallResult {
    let sets = set_args(args)?;
    Ok(Value::List(set_order(sets.into_iter().flatten().collect())))
}

/// `setintersection(sets...)`: elements in all of the sets.
fn setintersection(args: &[Value]) -> CallResult {
    let mut sets = set_args(args)?.into_iter();
    let first = sets.next().unwrap_or_default();
    let rest: Vec<std::collections::HashSet<String>> = sets
        .map(|set| set.iter().map(identity_key).collect())
        .collect();
    Ok(Value::List(
        first
            .into_iter()
            .filter(|v| {
                let key = identity_key(v);
                rest.iter().all(|set| set.contains(&key))
            })
            .collect(),
    ))
}

/// `setsubtract(a, b)`: elements of `a` not in `b`.
fn setsubtract(args: &[Value]) -> CallResult {
    let mut sets = set_args(args)?.into_iter();
    let (a, b) = (
        sets.next().unwrap_or_default(),
        sets.next().unwrap_or_default(),
    );
    let b: std::collections::HashSet<String> = b.iter().map(identity_key).collect();
    Ok(Value::List(
        a.into_iter()
            .filter(|v| !b.contains(&identity_key(v)))
            .collect(),
    ))
}

/// `setproduct(sets...)`: every combination of one element from each argument, the last
/// argument varying fastest.
fn setproduct(args: &[Value]) -> CallResult {
    let mut lists = Vec::new();
    for list in args {
        let items = list_of(list).map_err(|_| invalid_msg("a set or a list is required"))?;
        lists.push(unify(items).map_err(|_| invalid_msg("all elements must be of the same type"))?);
    }
    let mut product: Vec<Vec<Value>> = vec![Vec::new()];
    for list in &lists {
        limit_elements(product.len().saturating_mul(list.len()), "setproduct()")?;
        let mut next = Vec::with_capacity(product.len() * list.len());
        for prefix in &product {
            for item in list {
                let mut combination = prefix.clone();
                combination.push(item.clone());
                next.push(combination);
            }
        }
        product = next;
    }
    Ok(Value::List(product.into_iter().map(Value::List).collect()))
}

/// `alltrue(list)`: whether every element is true (true for an empty list).
fn alltrue(args: &[Value]) -> CallResult {
    let items = match arg(args, 0) {
        Value::Unknown => return Ok(Value::Unknown),
        other => list_of(other)?,
    };
    for item in items {
        match item {
            Value::Unknown => return Ok(Value::Unknown),
            Value::Null => return Ok(Value::Bool(false)),
            other => {
                if !bool_of(other)? {
                    return Ok(Value::Bool(false));
                }
            }
        }
    }
    Ok(Value::Bool(true))
}

/// `anytrue(list)`: whether some element is true (false for an empty list).
fn anytrue(args: &[Value]) -> CallResult {
    let items = match arg(args, 0) {
        Value::Unknown => return Ok(Value::Unknown),
        other => list_of(other)?,
    };
    let mut unknown = false;
    for item in items {
        match item {
            Value::Unknown => unknown = true,
            Value::Null => {}
            other => {
                if bool_of(other)? {
                    return Ok(Value::Bool(true));
                }
            }
        }
    }
    Ok(if unknown {
        Value::Unknown
    } else {
        Value::Bool(false)
    })
}

/// `matchkeys(values, keys, searchset)`: the values whose key (same position) is in the
/// search set.
fn matchkeys(args: &[Value]) -> CallResult {
    if args.iter().any(Value::is_unknown) {
        return Ok(Value::Unknown);
    }
    let values = list_of(arg(args, 0))?;
    let keys = list_of(arg(args, 1))?;
    let searchset = list_of(arg(args, 2))?;
    if values.len() != keys.len() {
        return invalid("length of keys and values should be equal");
    }
    if searchset.is_empty() {
        return Ok(Value::List(Vec::new()));
    }
    if values.iter().any(Value::has_unknown)
        || keys.iter().any(Value::has_unknown)
        || searchset.iter().any(Value::has_unknown)
    {
        return Ok(Value::Unknown);
    }
    let both: Vec<Value> = keys.iter().chain(searchset).cloned().collect();
    let unified =
        unify(&both).map_err(|_| invalid_msg("keys and searchset must be of the same type"))?;
    let (keys, searchset) = unified.split_at(keys.len());
    Ok(Value::List(
        values
            .iter()
            .zip(keys)
            .filter(|(_, key)| searchset.contains(key))
            .map(|(value, _)| value.clone())
            .collect(),
    ))
}

/// `sum(list)`: the sum of the numbers.
fn sum(args: &[Value]) -> CallResult {
    let items = match arg(args, 0) {
        Value::List(items) => items,
        Value::Null => return null_error(),
        Value::Object(_) => return invalid("argument must be list, set, or tuple. Received map"),
        _ => return invalid("cannot sum noniterable"),
    };
    if items.is_empty() {
        return invalid("cannot sum an empty list");
    }
    let mut total = 0.0;
    for item in items {
        if item == &Value::Null {
            return invalid("argument must be list, set, or tuple of number values");
        }
        total += num_of(item)
            .map_err(|_| invalid_msg("argument must be list, set, or tuple of number values"))?;
    }
    number(total)
}

// ---------------------------------------------------------------------------------------------
// Type conversion
// ---------------------------------------------------------------------------------------------

/// `tostring(value)`: strings, numbers and bools; null stays null.
fn tostring(args: &[Value]) -> CallResult {
    match arg(args, 0) {
        Value::Null => Ok(Value::Null),
        v @ (Value::String(_) | Value::Number(_) | Value::Bool(_)) => string(str_of(v)?),
        other => invalid(format!("cannot convert {} to string", other.type_name())),
    }
}

/// `tonumber(value)`: numbers and strings holding a decimal number; null stays null.
fn tonumber(args: &[Value]) -> CallResult {
    match arg(args, 0) {
        Value::Null => Ok(Value::Null),
        v @ (Value::String(_) | Value::Number(_)) => number(num_of(v)?),
        other => invalid(format!("cannot convert {} to number", other.type_name())),
    }
}

/// `tobool(value)`: bools and the strings "true"/"false"; null stays null.
fn tobool(args: &[Value]) -> CallResult {
    match arg(args, 0) {
        Value::Null => Ok(Value::Null),
        v @ (Value::String(_) | Value::Bool(_)) => Ok(Value::Bool(bool_of(v)?)),
        other => invalid(format!("cannot convert {} to bool", other.type_name())),
    }
}

/// `tolist(value)`: a list with its elements converted to a common type.
fn tolist(args: &[Value]) -> CallResult {
    match arg(args, 0) {
        Value::Unknown => Ok(Value::Unknown),
        Value::Null => Ok(Value::Null),
        Value::List(items) => {
            Ok(Value::List(unify(items).map_err(|_| {
                invalid_msg("cannot convert tuple to list of any single type")
            })?))
        }
        other => invalid(format!("cannot convert {} to list", other.type_name())),
    }
}

/// `toset(value)`: a de-duplicated list in Terraform's set order. Unknown elements could
/// equal others, so they make the whole set unknown.
fn toset(args: &[Value]) -> CallResult {
    match arg(args, 0) {
        Value::Unknown => Ok(Value::Unknown),
        Value::Null => Ok(Value::Null),
        Value::List(items) if items.iter().any(Value::has_unknown) => Ok(Value::Unknown),
        Value::List(items) => {
            Ok(Value::List(set_order(unify(items).map_err(|_| {
                invalid_msg("cannot convert tuple to set of any single type")
            })?)))
        }
        other => invalid(format!("cannot convert {} to set", other.type_name())),
    }
}

/// `tomap(value)`: a map with its values converted to a common type.
fn tomap(args: &[Value]) -> CallResult {
    match arg(args, 0) {
        Value::Unknown => Ok(Value::Unknown),
        Value::Null => Ok(Value::Null),
        Value::Object(map) => {
            let values: Vec<Value> = map.values().cloned().collect();
            let unified = unify(&values)
                .map_err(|_| invalid_msg("cannot convert object to map of any single type"))?;
            Ok(Value::Object(map.keys().cloned().zip(unified).collect()))
        }
        other => invalid(format!("cannot convert {} to map", other.type_name())),
    }
}

/// `sensitive`, `nonsensitive`, `ephemeralasnull`: tenet does not track sensitivity.
fn identity(args: &[Value]) -> CallResult {
    Ok(arg(args, 0).clone())
}

// ---------------------------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------------------------

fn abs(args: &[Value]) -> CallResult {
    number(num_at(args, 0)?.abs())
}

fn ceil(args: &[Value]) -> CallResult {
    number(num_at(args, 0)?.ceil())
}

fn floor(args: &[Value]) -> CallResult {
    number(num_at(args, 0)?.floor())
}

/// `log(number, base)`.
fn log(args: &[Value]) -> CallResult {
    let result = num_at(args, 0)?.ln() / num_at(args, 1)?.ln();
    if result.is_nan() {
        return invalid("result is not a number");
    }
    number(result)
}

/// `pow(number, power)`.
fn pow(args: &[Value]) -> CallResult {
    let result = num_at(args, 0)?.powf(num_at(args, 1)?);
    if result.is_nan() {
        return invalid("result is not a number");
    }
    number(result)
}

fn max(args: &[Value]) -> CallResult {
    let mut best = f64::NEG_INFINITY;
    for v in args {
        best = best.max(num_of(v)?);
    }
    number(best)
}

fn min(args: &[Value]) -> CallResult {
    let mut best = f64::INFINITY;
    for v in args {
        best = best.min(num_of(v)?);
    }
    number(best)
}

/// `signum(number)`: -1, 0 or 1 (the number must be whole, as in Terraform).
fn signum(args: &[Value]) -> CallResult {
    Ok(Value::Number(int_at(args, 0)?.signum() as f64))
}

/// `parseint(string, base)`: an integer written in base 2 to 62 (digits, then `a-z`, then
/// `A-Z` above base 36; letters are case-insensitive up to base 36).
fn parseint(args: &[Value]) -> CallResult {
    let text = match arg(args, 0) {
        Value::String(s) => s,
        Value::Null => return null_error(),
        other => {
            return invalid(format!(
                "first argument must be a string, not {}",
                other.type_name()
            ));
        }
    };
    let base = int_at(args, 1)?;
    if !(2..=62).contains(&base) {
        return invalid("base must be a whole number between 2 and 62 inclusive");
    }
    let base = base as u32;
    let fail = || invalid(format!("cannot parse {text:?} as a base {base} integer"));
    let (negative, digits) = match text.as_bytes().first() {
        Some(b'-') => (true, text.get(1..).unwrap_or("")),
        Some(b'+') => (false, text.get(1..).unwrap_or("")),
        _ => (false, text.as_str()),
    };
    if digits.is_empty() {
        return fail();
    }
    let mut total = 0.0f64;
    for c in digits.chars() {
        let digit = match c {
            '0'..='9' => c as u32 - '0' as u32,
            'a'..='z' => c as u32 - 'a' as u32 + 10,
            'A'..='Z' if base <= 36 => c as u32 - 'A' as u32 + 10,
            'A'..='Z' => c as u32 - 'A' as u32 + 36,
            _ => return fail(),
        };
        if digit >= base {
            return fail();
        }
        total = total * f64::from(base) + f64::from(digit);
    }
    number(if negative { -total } else { total })
}

/// `range(limit)`, `range(start, limit)`, `range(start, limit, step)`: like Terraform, the
/// step defaults to 1 or -1, numbers may be fractional, and at most 1024 numbers are made.
fn range(args: &[Value]) -> CallResult {
    let nums = args.iter().map(num_of).collect::<Result<Vec<f64>, _>>()?;
    let (start, limit, step) = match nums.as_slice() {
        [limit] => (0.0, *limit, if *limit < 0.0 { -1.0 } else { 1.0 }),
        [start, limit] => (*start, *limit, if limit < start { -1.0 } else { 1.0 }),
        [start, limit, step] => (*start, *limit, *step),
        _ => return invalid("must have one, two, or three arguments"),
    };
    if step == 0.0 {
        return invalid("step must not be zero");
    }
    let down = step < 0.0;
    if down && limit > start {
        return invalid("end must be less than start when step is negative");
    }
    if !down && limit < start {
        return invalid("end must be greater than start when step is positive");
    }
    // Decimal inputs are stepped in scaled integers so that range(0, 1, 0.1) yields 0.3, not
    // 0.30000000000000004 (Terraform computes with arbitrary-precision decimals).
    let scale = 10f64.powi(decimals(start).max(decimals(step)).min(9));
    let exact = (start * scale).abs() < 9e15 && (step * scale).abs() < 9e15;
    let mut out = Vec::new();
    for i in 0u32.. {
        let i = f64::from(i);
        let n = if exact {
            ((start * scale).round() + i * (step * scale).round()) / scale
        } else {
            start + i * step
        };
        if (down && n <= limit) || (!down && n >= limit) {
            break;
        }
        if out.len() >= 1024 {
            return invalid(
                "more than 1024 values were generated; either decrease the difference between \
                 start and end or use a smaller step",
            );
        }
        out.push(Value::Number(n));
    }
    Ok(Value::List(out))
}

/// Digits after the decimal point in the shortest form of `n`.
fn decimals(n: f64) -> i32 {
    let s = format_number(n);
    s.split_once('.')
        .map_or(0, |(_, fraction)| fraction.len() as i32)
}

// ---------------------------------------------------------------------------------------------
// Strings
// ---------------------------------------------------------------------------------------------

fn upper(args: &[Value]) -> CallResult {
    string(str_at(args, 0)?.chars().map(go_upper).collect::<String>())
}

fn lower(args: &[Value]) -> CallResult {
    string(str_at(args, 0)?.chars().map(go_lower).collect::<String>())
}

/// Go's `unicode.ToUpper`: simple (one-to-one) case mapping.
fn go_upper(c: char) -> char {
    single(c.to_uppercase()).unwrap_or(c)
}

fn go_lower(c: char) -> char {
    if c == '\u{130}' {
        return 'i';
    }
    single(c.to_lowercase()).unwrap_or(c)
}

/// Go's `unicode.ToTitle`: like upper case except for the Latin digraphs.
fn go_title(c: char) -> char {
    match c {
        '\u{1C4}'..='\u{1C6}' => '\u{1C5}',
        '\u{1C7}'..='\u{1C9}' => '\u{1C8}',
        '\u{1CA}'..='\u{1CC}' => '\u{1CB}',
        '\u{1F1}'..='\u{1F3}' => '\u{1F2}',
        _ => go_upper(c),
    }
}

fn single(mut chars: impl Iterator<Item = char>) -> Option<char> {
    let first = chars.next()?;
    chars.next().is_none().then_some(first)
}

/// `title(string)`: Go's `strings.Title`: the first letter of each word in title case.
fn title(args: &[Value]) -> CallResult {
    let is_separator = |c: char| {
        if c.is_ascii() {
            !(c.is_ascii_alphanumeric() || c == '_')
        } else if c.is_alphanumeric() {
            false
        } else {
            c.is_whitespace()
        }
    };
    let mut previous = ' ';
    let mut out = String::new();
    for c in str_at(args, 0)?.chars() {
        out.push(if is_separator(previous) {
            go_title(c)
        } else {
            c
        });
        previous = c;
    }
    string(out)
}

fn trimspace(args: &[Value]) -> CallResult {
    string(str_at(args, 0)?.trim())
}

/// `trim(string, cutset)`: removes any of the cutset's characters from both ends.
fn trim(args: &[Value]) -> CallResult {
    let (s, cutset) = (str_at(args, 0)?, str_at(args, 1)?);
    string(s.trim_matches(|c| cutset.contains(c)))
}

fn trimprefix(args: &[Value]) -> CallResult {
    let (s, prefix) = (str_at(args, 0)?, str_at(args, 1)?);
    string(s.strip_prefix(prefix.as_str()).unwrap_or(&s))
}

fn trimsuffix(args: &[Value]) -> CallResult {
    let (s, suffix) = (str_at(args, 0)?, str_at(args, 1)?);
    string(s.strip_suffix(suffix.as_str()).unwrap_or(&s))
}

fn startswith(args: &[Value]) -> CallResult {
    Ok(Value::Bool(str_at(args, 0)?.starts_with(&str_at(args, 1)?)))
}

fn endswith(args: &[Value]) -> CallResult {
    Ok(Value::Bool(str_at(args, 0)?.ends_with(&str_at(args, 1)?)))
}

fn strcontains(args: &[Value]) -> CallResult {
    Ok(Value::Bool(str_at(args, 0)?.contains(&str_at(args, 1)?)))
}

/// `chomp(string)`: removes all trailing newlines (`\n`, `\r\n`, `\r`).
fn chomp(args: &[Value]) -> CallResult {
    string(str_at(args, 0)?.trim_end_matches(['\r', '\n']))
}

/// `indent(spaces, string)`: indents every line but the first.
fn indent(args: &[Value]) -> CallResult {
    let spaces = int_at(args, 0)?;
    let text = str_at(args, 1)?;
    let Ok(spaces) = usize::try_from(spaces) else {
        return invalid("the number of spaces must not be negative");
    };
    let lines = text.matches('\n').count();
    limit_bytes(
        text.len()
            .saturating_add(lines.saturating_mul(spaces))
            .max(spaces),
        "indent()",
    )?;
    string(text.replace('\n', &format!("\n{}", " ".repeat(spaces))))
}

/// `strrev(string)`: the grapheme clusters in reverse order.
fn strrev(args: &[Value]) -> CallResult {
    let s = str_at(args, 0)?;
    string(graphemes(&s).into_iter().rev().collect::<String>())
}

/// `split(separator, string)`: Go's `strings.Split` (an empty separator splits into
/// characters).
fn split(args: &[Value]) -> CallResult {
    let (sep, s) = (str_at(args, 0)?, str_at(args, 1)?);
    let parts: Vec<Value> = if sep.is_empty() {
        s.chars().map(|c| Value::String(c.to_string())).collect()
    } else {
        s.split(sep.as_str())
            .map(|part| Value::String(part.to_string()))
            .collect()
    };
    Ok(Value::List(parts))
}

/// `join(separator, lists...)`: the strings of the lists joined with the separator.
fn join(args: &[Value]) -> CallResult {
    let sep = str_at(args, 0)?;
    let lists = args.get(1..).unwrap_or_default();
    let mut parts = Vec::new();
    for (l, list) in lists.iter().enumerate() {
        for (e, item) in list_of(list)?.iter().enumerate() {
            if item == &Value::Null {
                return invalid(if lists.len() > 1 {
                    format!(
                        "element {e} of list {} is null; cannot concatenate null values",
                        l + 1
                    )
                } else {
                    format!("element {e} is null; cannot concatenate null values")
                });
            }
            parts.push(str_of(item)?);
        }
    }
    let bytes = parts.iter().map(String::len).sum::<usize>()
        + sep.len().saturating_mul(parts.len().saturating_sub(1));
    limit_bytes(bytes, "join()")?;
    string(parts.join(&sep))
}

/// `replace(string, search, replacement)`: every occurrence of `search`, or every match of
/// the regular expression when `search` is written `/pattern/`.
fn replace(args: &[Value]) -> CallResult {
    let (s, search, replacement) = (str_at(args, 0)?, str_at(args, 1)?, str_at(args, 2)?);
    if search.len() > 1 && search.starts_with('/') && search.ends_with('/') {
        let pattern = search.get(1..search.len() - 1).unwrap_or("");
        let re = compile_go_regex(pattern)?;
        // Each match (at most one per position, plus one at the end) adds the replacement.
        let matches = re.find_iter(&s).take(s.len() + 2).count();
        limit_bytes(
            s.len()
                .saturating_add(matches.saturating_mul(replacement.len())),
            "replace()",
        )?;
        return string(re.replace_all(&s, replacement.as_str()).into_owned());
    }
    let matches = if search.is_empty() {
        s.chars().count() + 1
    } else {
        s.matches(search.as_str()).count()
    };
    limit_bytes(
        s.len()
            .saturating_add(matches.saturating_mul(replacement.len())),
        "replace()",
    )?;
    string(s.replace(&search, &replacement))
}

/// `substr(string, offset, length)`: counts grapheme clusters; a negative offset counts from
/// the end, a negative length takes the rest. Mirrors cty's implementation exactly.
fn substr(args: &[Value]) -> CallResult {
    let s = str_at(args, 0)?;
    let mut offset = int_at(args, 1)?;
    let length = int_at(args, 2)?;
    let clusters = graphemes(&s);
    let total = clusters.len() as i64;
    if offset < 0 {
        offset += total;
    } else if length == 0 {
        return string("");
    }
    let mut rest: &[&str] = &clusters;
    if offset > 0 {
        if offset >= total {
            return string("");
        }
        rest = clusters
            .get(usize::try_from(offset).unwrap_or(0)..)
            .unwrap_or_default();
    }
    if length < 0 {
        return string(rest.concat());
    }
    // cty's loop never stops at a zero length (reachable only with a negative offset).
    if length == 0 {
        return string(rest.concat());
    }
    let take = usize::try_from(length).unwrap_or(usize::MAX);
    string(rest.iter().take(take).copied().collect::<String>())
}

/// Extended grapheme clusters (UAX #29), which Terraform counts as characters.
static GRAPHEME: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        \r\n
        | [\p{gcb=CR}\p{gcb=LF}\p{gcb=Control}]
        | \p{gcb=Prepend}*
          (?:
              (?: \p{gcb=L}* (?: \p{gcb=V}+ | \p{gcb=LV} \p{gcb=V}* | \p{gcb=LVT} ) \p{gcb=T}*
                | \p{gcb=L}+
                | \p{gcb=T}+ )
            | \p{gcb=RI} \p{gcb=RI}
            | \p{Extended_Pictographic} (?: \p{gcb=Extend}* \p{gcb=ZWJ} \p{Extended_Pictographic} )*
            | [^\p{gcb=Control}\p{gcb=CR}\p{gcb=LF}]
          )
          [\p{gcb=Extend}\p{gcb=ZWJ}\p{gcb=SpacingMark}]*",
    )
    .ok()
});

fn graphemes(s: &str) -> Vec<&str> {
    let Some(re) = GRAPHEME.as_ref() else {
        return s.split_inclusive(|_| true).collect();
    };
    let mut out = Vec::new();
    let mut position = 0;
    for m in re.find_iter(s) {
        if m.start() > position {
            let gap = s.get(position..m.start()).unwrap_or("");
            out.extend(gap.split_inclusive(|_| true));
        }
        out.push(m.as_str());
        position = m.end();
    }
    out.extend(s.get(position..).unwrap_or("").split_inclusive(|_| true));
    out
}

// ---------------------------------------------------------------------------------------------
// format and formatlist (cty's printf-like verbs)
// ---------------------------------------------------------------------------------------------

/// `format(spec, values...)`.
fn format(args: &[Value]) -> CallResult {
    let spec = str_at(args, 0)?;
    match format_values(&spec, args.get(1..).unwrap_or_default())? {
        Some(text) => string(text),
        None => Ok(Value::Unknown),
    }
}

/// `formatlist(spec, values...)`: `format` once per element of the list arguments (which
/// must have equal lengths); other arguments repeat.
fn formatlist(args: &[Value]) -> CallResult {
    let spec = match arg(args, 0) {
        Value::Unknown => return Ok(Value::Unknown),
        other => str_of(other)?,
    };
    let rest = args.get(1..).unwrap_or_default();
    let mut length: Option<(usize, usize)> = None;
    let mut unknown = false;
    for (i, value) in rest.iter().enumerate() {
        match value {
            Value::Unknown => unknown = true,
            Value::List(items) => match length {
                None => length = Some((items.len(), i)),
                Some((n, first)) if n != items.len() => {
                    return invalid(format!(
                        "argument {} has length {}, which is inconsistent with argument {} of \
                         length {n}",
                        i + 1,
                        items.len(),
                        first + 1
                    ));
                }
                Some(_) => {}
            },
            _ => {}
        }
    }
    if unknown {
        return Ok(Value::Unknown);
    }
    let iterations = length.map_or(1, |(n, _)| n);
    let mut out = Vec::with_capacity(iterations);
    for i in 0..iterations {
        let values: Vec<Value> = rest
            .iter()
            .map(|v| match v {
                Value::List(items) => items.get(i).cloned().unwrap_or(Value::Null),
                other => other.clone(),
            })
            .collect();
        if values.iter().any(Value::has_unknown) {
            out.push(Value::Unknown);
            continue;
        }
        match format_values(&spec, &values) {
            Ok(Some(text)) => out.push(Value::String(text)),
            Ok(None) => out.push(Value::Unknown),
            Err(CallError::Invalid(message)) => {
                return invalid(format!("error on format iteration {i}: {message}"));
            }
            Err(other) => return Err(other),
        }
    }
    Ok(Value::List(out))
}

/// One `%…` verb of a format string.
#[derive(Default)]
struct Verb {
    raw: String,
    offset: usize,
    arg: usize,
    mode: char,
    zero: bool,
    sharp: bool,
    plus: bool,
    minus: bool,
    space: bool,
    width: Option<usize>,
    precision: Option<usize>,
}

/// Formats `values` by `spec`; `None` when a number is too large to format exactly here.
fn format_values(spec: &str, values: &[Value]) -> Result<Option<String>, CallError> {
    let chars: Vec<(usize, char)> = spec.char_indices().collect();
    let mut out = String::new();
    let mut next_arg = 1;
    let mut highest = 0;
    let mut i = 0;
    while let Some(&(offset, c)) = chars.get(i) {
        i += 1;
        if c != '%' {
            out.push(c);
            continue;
        }
        if let Some((_, '%')) = chars.get(i) {
            out.push('%');
            i += 1;
            continue;
        }
        let mut verb = Verb {
            offset,
            arg: next_arg,
            ..Verb::default()
        };
        while let Some(&(_, flag)) = chars.get(i) {
            match flag {
                '0' => verb.zero = true,
                '#' => verb.sharp = true,
                '-' => verb.minus = true,
                '+' => verb.plus = true,
                ' ' => verb.space = true,
                _ => break,
            }
            i += 1;
        }
        if let Some((_, '1'..='9')) = chars.get(i) {
            verb.width = Some(read_digits(&chars, &mut i));
        }
        if let Some((_, '.')) = chars.get(i) {
            i += 1;
            verb.precision = Some(read_digits(&chars, &mut i));
        }
        if verb.width.max(verb.precision).unwrap_or(0) > MAX_FORMAT_WIDTH {
            return invalid(format!(
                "a width or precision over {MAX_FORMAT_WIDTH} is not supported"
            ));
        }
        if let Some((_, '[')) = chars.get(i) {
            i += 1;
            if !matches!(chars.get(i), Some((_, '1'..='9'))) {
                return bad_format_char(&chars, i, spec.len());
            }
            verb.arg = read_digits(&chars, &mut i);
            if !matches!(chars.get(i), Some((_, ']'))) {
                return bad_format_char(&chars, i, spec.len());
            }
            i += 1;
        }
        match chars.get(i) {
            Some(&(end, mode)) if mode.is_ascii_alphabetic() => {
                i += 1;
                verb.mode = mode;
                verb.raw = spec
                    .get(offset..end + mode.len_utf8())
                    .unwrap_or("")
                    .to_string();
            }
            _ => return bad_format_char(&chars, i, spec.len()),
        }
        highest = highest.max(verb.arg);
        let Some(value) = values.get(verb.arg - 1) else {
            return invalid(format!(
                "not enough arguments for {:?} at {}: need index {} but have {} total",
                verb.raw,
                verb.offset,
                verb.arg,
                values.len()
            ));
        };
        match format_verb(&verb, value)? {
            Some(text) => out.push_str(&text),
            None => return Ok(None),
        }
        next_arg = verb.arg + 1;
    }
    if highest < values.len() {
        return invalid(if highest == 0 {
            "too many arguments; no verbs in format string".to_string()
        } else {
            format!("too many arguments; only {highest} used by format string")
        });
    }
    Ok(Some(out))
}

fn read_digits(chars: &[(usize, char)], i: &mut usize) -> usize {
    let mut n: usize = 0;
    while let Some(&(_, c)) = chars.get(*i) {
        let Some(d) = c.to_digit(10) else { break };
        n = n.saturating_mul(10).saturating_add(d as usize);
        *i += 1;
    }
    n
}

fn bad_format_char<T>(chars: &[(usize, char)], i: usize, len: usize) -> Result<T, CallError> {
    match chars.get(i) {
        Some(&(offset, c)) => invalid(format!(
            "unrecognized format character {c:?} at offset {offset}"
        )),
        None => invalid(format!("invalid format string starting at offset {len}")),
    }
}

fn format_verb(verb: &Verb, value: &Value) -> Result<Option<String>, CallError> {
    let unsupported = |message: &str| {
        invalid(format!(
            "unsupported value for {:?} at {}: {message}",
            verb.raw, verb.offset
        ))
    };
    if verb.mode != 'v' && value == &Value::Null {
        return unsupported("null value cannot be formatted");
    }
    let text = match verb.mode {
        'v' => match value {
            Value::String(s) if !verb.sharp => pad(verb, s.clone()),
            Value::Number(n) if !verb.sharp => pad(verb, go_float(*n, 'g', None)),
            other => pad(verb, json(other)),
        },
        't' => match bool_of(value) {
            Ok(b) => b.to_string(),
            Err(CallError::Invalid(message)) => return unsupported(&message),
            Err(other) => return Err(other),
        },
        'b' | 'd' | 'o' | 'x' | 'X' | 'e' | 'E' | 'f' | 'g' | 'G' => {
            let n = match num_of(value) {
                Ok(n) => n,
                Err(CallError::Invalid(message)) => return unsupported(&message),
                Err(other) => return Err(other),
            };
            if matches!(verb.mode, 'e' | 'E' | 'f' | 'g' | 'G') {
                format_float(verb, n)
            } else if n.fract() != 0.0 {
                return unsupported("an integer is required");
            } else {
                match format_integer(verb, n) {
                    Some(text) => text,
                    None => return Ok(None),
                }
            }
        }
        's' | 'q' => {
            let mut s = match str_of(value) {
                Ok(s) => s,
                Err(CallError::Invalid(message)) => return unsupported(&message),
                Err(other) => return Err(other),
            };
            if let Some(precision) = verb.precision.filter(|p| *p > 0) {
                s = graphemes(&s).into_iter().take(precision).collect();
            }
            if verb.mode == 'q' {
                pad(verb, json(&Value::String(s)))
            } else {
                pad(verb, s)
            }
        }
        other => {
            return invalid(format!(
                "unsupported format verb {other:?} in {:?} at offset {}",
                verb.raw, verb.offset
            ));
        }
    };
    Ok(Some(text))
}

/// Pads to the verb's width (in grapheme clusters), as cty's `formatPadWidth`.
fn pad(verb: &Verb, text: String) -> String {
    let Some(width) = verb.width else { return text };
    let len = graphemes(&text).len();
    if len >= width {
        return text;
    }
    let padding = (if verb.zero { "0" } else { " " }).repeat(width - len);
    if verb.minus {
        text + &padding
    } else {
        padding + &text
    }
}

/// Go's `fmt` of a `big.Int` for `%b %d %o %x %X` with flags, width and precision.
fn format_integer(verb: &Verb, n: f64) -> Option<String> {
    let magnitude = n.abs();
    let base = match verb.mode {
        'b' => 2,
        'o' => 8,
        'x' | 'X' => 16,
        _ => 10,
    };
    let mut digits = if base == 10 {
        format!("{magnitude:.0}")
    } else if magnitude < 3.4e38 {
        let m = magnitude as u128;
        match base {
            2 => format!("{m:b}"),
            8 => format!("{m:o}"),
            _ => format!("{m:x}"),
        }
    } else {
        return None;
    };
    if verb.mode == 'X' {
        digits = digits.to_uppercase();
    }
    let sign = if n < 0.0 {
        "-"
    } else if verb.plus {
        "+"
    } else if verb.space {
        " "
    } else {
        ""
    };
    let prefix = match (verb.sharp, verb.mode) {
        (true, 'b') => "0b",
        (true, 'o') => "0",
        (true, 'x') => "0x",
        (true, 'X') => "0X",
        _ => "",
    };
    let mut zeros = 0;
    if let Some(precision) = verb.precision {
        if digits.len() < precision {
            zeros = precision - digits.len();
        } else if digits == "0" && precision == 0 {
            return Some(String::new());
        }
    }
    let (mut left, mut right) = (0, 0);
    let length = sign.len() + prefix.len() + zeros + digits.len();
    if let Some(width) = verb.width.filter(|w| *w > length) {
        let extra = width - length;
        if verb.minus {
            right = extra;
        } else if verb.zero && verb.precision.is_none() {
            zeros += extra;
        } else {
            left = extra;
        }
    }
    Some(format!(
        "{}{sign}{prefix}{}{digits}{}",
        " ".repeat(left),
        "0".repeat(zeros),
        " ".repeat(right)
    ))
}

/// Go's `fmt` of a `big.Float` for `%e %E %f %g %G` with flags, width and precision.
fn format_float(verb: &Verb, n: f64) -> String {
    let text = go_float(n, verb.mode, verb.precision);
    let (sign, body) = match text.strip_prefix('-') {
        Some(body) => ("-", body.to_string()),
        None if verb.plus => ("+", text),
        None if verb.space => (" ", text),
        None => ("", text),
    };
    let padding = verb
        .width
        .map_or(0, |w| w.saturating_sub(sign.len() + body.len()));
    if verb.zero && !verb.minus {
        format!("{sign}{}{body}", "0".repeat(padding))
    } else if verb.minus {
        format!("{sign}{body}{}", " ".repeat(padding))
    } else {
        format!("{}{sign}{body}", " ".repeat(padding))
    }
}

/// `big.Float.Text(mode, precision)`: `e`/`E` (default precision 6), `f` (default 6),
/// `g`/`G` (default: the shortest representation).
fn go_float(n: f64, mode: char, precision: Option<usize>) -> String {
    let negative = n < 0.0;
    let body = match mode {
        'e' | 'E' => {
            let p = precision.unwrap_or(6);
            let (digits, exp) = decimal_digits(n, Some(p + 1));
            exp_form(&digits, exp, p, mode)
        }
        'f' => format!("{:.*}", precision.unwrap_or(6), n.abs()),
        _ => {
            let shortest = precision.is_none();
            let (digits, exp) = decimal_digits(n, precision.map(|p| p.max(1)));
            let mut p = precision.map_or(digits.len(), |p| p.max(1)) as i64;
            let len = digits.len() as i64;
            let exp = i64::from(exp);
            let mut eprec = p;
            if eprec > len && len >= exp {
                eprec = len;
            }
            if shortest {
                eprec = 6;
            }
            let e = exp - 1;
            if e < -4 || e >= eprec {
                p = p.min(len);
                let lower = if mode == 'G' { 'E' } else { 'e' };
                exp_form(
                    &digits,
                    exp as i32,
                    usize::try_from(p - 1).unwrap_or(0),
                    lower,
                )
            } else {
                if p > exp {
                    p = len;
                }
                fixed_form(&digits, exp as i32, usize::try_from(p - exp).unwrap_or(0))
            }
        }
    };
    if negative { format!("-{body}") } else { body }
}

/// The significant decimal digits of `|n|` (no trailing zeros) and the position of the
/// decimal point: `|n| = 0.d₁d₂… × 10^exp`. Shortest round-trip digits unless a number of
/// significant digits is given.
fn decimal_digits(n: f64, significant: Option<usize>) -> (String, i32) {
    let a = n.abs();
    if a == 0.0 {
        return (String::new(), 0);
    }
    let text = match significant {
        None => format!("{a:e}"),
        Some(s) => format!("{:.*e}", s.saturating_sub(1), a),
    };
    let (mantissa, exp) = text.split_once('e').unwrap_or((&text, "0"));
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let digits = digits.trim_end_matches('0').to_string();
    (digits, exp.parse::<i32>().unwrap_or(0) + 1)
}

/// Go's `fmtE`: `d.ddddde±dd`.
fn exp_form(digits: &str, exp: i32, precision: usize, e: char) -> String {
    let mut out = String::new();
    out.push(digits.chars().next().unwrap_or('0'));
    if precision > 0 {
        out.push('.');
        let more: String = digits.chars().skip(1).take(precision).collect();
        out.push_str(&more);
        out.push_str(&"0".repeat(precision - more.len()));
    }
    out.push(e);
    let exp = if digits.is_empty() { 0 } else { exp - 1 };
    out.push(if exp < 0 { '-' } else { '+' });
    let _ = write!(out, "{:02}", exp.abs());
    out
}

/// Go's `fmtF`: `ddd.ddd` with `precision` fraction digits.
fn fixed_form(digits: &str, exp: i32, precision: usize) -> String {
    let bytes = digits.as_bytes();
    let at = |i: i64| {
        usize::try_from(i)
            .ok()
            .and_then(|i| bytes.get(i))
            .map_or('0', |b| char::from(*b))
    };
    let mut out = String::new();
    if exp > 0 {
        for i in 0..i64::from(exp) {
            out.push(at(i));
        }
    } else {
        out.push('0');
    }
    if precision > 0 {
        out.push('.');
        for i in 0..precision as i64 {
            out.push(at(i64::from(exp) + i));
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Regular expressions (Go's RE2 syntax)
// ---------------------------------------------------------------------------------------------

/// `regex(pattern, string)`: the first match: the matched text without capture groups, a
/// list of unnamed captures, or an object of named captures (unmatched groups are null).
fn regex(args: &[Value]) -> CallResult {
    let (pattern, s) = (str_at(args, 0)?, str_at(args, 1)?);
    let (re, named) = compile_capturing(&pattern)?;
    match re.captures(&s) {
        Some(captures) => Ok(capture_value(&re, &captures, named)),
        None => invalid("pattern did not match any part of the given string"),
    }
}

/// `regexall(pattern, string)`: every non-overlapping match, as `regex` returns them.
fn regexall(args: &[Value]) -> CallResult {
    let (pattern, s) = (str_at(args, 0)?, str_at(args, 1)?);
    let (re, named) = compile_capturing(&pattern)?;
    Ok(Value::List(
        re.captures_iter(&s)
            .map(|captures| capture_value(&re, &captures, named))
            .collect(),
    ))
}

/// Compiles a pattern for `regex`/`regexall`; `named` tells whether its groups are named
/// (Terraform rejects patterns mixing named and unnamed groups).
fn compile_capturing(pattern: &str) -> Result<(Regex, Option<bool>), CallError> {
    let re = compile_go_regex(pattern)?;
    let names: Vec<Option<&str>> = re.capture_names().skip(1).collect();
    let named = names.iter().filter(|n| n.is_some()).count();
    let kind = match (named, names.len() - named) {
        (0, 0) => None,
        (_, 0) => Some(true),
        (0, _) => Some(false),
        _ => {
            return invalid(
                "invalid regexp pattern: cannot mix both named and unnamed capture groups",
            );
        }
    };
    Ok((re, kind))
}

fn capture_value(re: &Regex, captures: &regex::Captures<'_>, named: Option<bool>) -> Value {
    let text = |i: usize| {
        captures
            .get(i)
            .map_or(Value::Null, |m| Value::String(m.as_str().to_string()))
    };
    match named {
        None => text(0),
        Some(false) => Value::List((1..captures.len()).map(text).collect()),
        Some(true) => Value::Object(
            re.capture_names()
                .enumerate()
                .filter_map(|(i, name)| name.map(|n| (n.to_string(), text(i))))
                .collect(),
        ),
    }
}

/// Compiles a Go (RE2) regular expression with the Rust engine, which shares its syntax
/// and leftmost-first semantics except where [`translate_go_regex`] adapts it.
fn compile_go_regex(pattern: &str) -> Result<Regex, CallError> {
    regex::RegexBuilder::new(&translate_go_regex(pattern))
        .octal(true)
        .size_limit(1 << 24)
        .build()
        .map_err(|e| {
            CallError::Invalid(format!(
                "invalid regexp pattern: {}",
                e.to_string().lines().last().unwrap_or("")
            ))
        })
}

/// Rewrites the parts of Go's regexp syntax that the Rust engine reads differently: the
/// Perl classes `\d \w \s \b` are ASCII-only in Go, `\Q…\E` quotes literally, a `{` that
/// does not start a repetition is a literal, and inside brackets `[` is a literal while
/// `&&`, `~~` and `--` are not set operations.
fn translate_go_regex(pattern: &str) -> String {
    let chars: Vec<char> = pattern.chars().collect();
    let mut out = String::with_capacity(pattern.len() + 8);
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        match c {
            '\\' => i = translate_escape(&chars, i, &mut out, false),
            '[' => i = translate_class(&chars, i, &mut out),
            '{' => match repetition_end(&chars, i) {
                Some(end) => {
                    out.extend(chars.get(i..=end).unwrap_or_default());
                    i = end + 1;
                }
                None => {
                    out.push_str("\\{");
                    i += 1;
                }
            },
            '}' => {
                out.push_str("\\}");
                i += 1;
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// Translates the escape at `chars[i]` (a backslash); returns the index after it.
fn translate_escape(chars: &[char], i: usize, out: &mut String, in_class: bool) -> usize {
    let Some(&c) = chars.get(i + 1) else {
        out.push('\\');
        return i + 1;
    };
    let class = match c {
        'd' => Some(("0-9", false)),
        'D' => Some(("0-9", true)),
        'w' => Some(("0-9A-Za-z_", false)),
        'W' => Some(("0-9A-Za-z_", true)),
        's' => Some(("\\t\\n\\f\\r ", false)),
        'S' => Some(("\\t\\n\\f\\r ", true)),
        _ => None,
    };
    if let Some((set, negated)) = class {
        match (in_class, negated) {
            (true, false) => out.push_str(set),
            (_, true) => {
                let _ = write!(out, "[^{set}]");
            }
            (false, false) => {
                let _ = write!(out, "[{set}]");
            }
        }
        return i + 2;
    }
    match c {
        'b' | 'B' if !in_class => {
            let _ = write!(out, "(?-u:\\{c})");
            i + 2
        }
        'Q' if !in_class => {
            let mut j = i + 2;
            let mut literal = String::new();
            while let Some(&l) = chars.get(j) {
                if l == '\\' && chars.get(j + 1) == Some(&'E') {
                    j += 2;
                    out.push_str(&regex::escape(&literal));
                    return j;
                }
                literal.push(l);
                j += 1;
            }
            out.push_str(&regex::escape(&literal));
            j
        }
        'p' | 'P' | 'x' if chars.get(i + 2) == Some(&'{') => {
            let end = (i + 2..chars.len())
                .find(|&j| chars.get(j) == Some(&'}'))
                .unwrap_or(chars.len().saturating_sub(1));
            out.extend(chars.get(i..=end).unwrap_or_default());
            end + 1
        }
        _ => {
            out.push('\\');
            out.push(c);
            i + 2
        }
    }
}

/// Translates the bracket expression starting at `chars[i]`; returns the index after it.
fn translate_class(chars: &[char], i: usize, out: &mut String) -> usize {
    out.push('[');
    let mut j = i + 1;
    if chars.get(j) == Some(&'^') {
        out.push('^');
        j += 1;
    }
    if chars.get(j) == Some(&']') {
        out.push_str("\\]");
        j += 1;
    }
    let mut previous = '\0';
    while let Some(&c) = chars.get(j) {
        match c {
            ']' => {
                out.push(']');
                return j + 1;
            }
            '\\' => {
                j = translate_escape(chars, j, out, true);
                previous = '\0';
                continue;
            }
            '[' if chars.get(j + 1) == Some(&':') => {
                let end = (j + 2..chars.len().saturating_sub(1))
                    .find(|&k| chars.get(k) == Some(&':') && chars.get(k + 1) == Some(&']'));
                match end {
                    Some(end) => {
                        out.extend(chars.get(j..=end + 1).unwrap_or_default());
                        j = end + 2;
                        previous = '\0';
                        continue;
                    }
                    None => out.push_str("\\["),
                }
            }
            '[' | '&' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '-' if previous == '-' => out.push_str("\\-"),
            _ => out.push(c),
        }
        previous = c;
        j += 1;
    }
    j
}

/// The index of the `}` closing a Go repetition `{n}`, `{n,}` or `{n,m}` at `chars[i]`.
fn repetition_end(chars: &[char], i: usize) -> Option<usize> {
    let mut j = i + 1;
    let digits = |j: &mut usize| {
        let start = *j;
        while chars.get(*j).is_some_and(char::is_ascii_digit) {
            *j += 1;
        }
        *j > start
    };
    if !digits(&mut j) {
        return None;
    }
    if chars.get(j) == Some(&',') {
        j += 1;
        digits(&mut j);
    }
    (chars.get(j) == Some(&'}')).then_some(j)
}

// ---------------------------------------------------------------------------------------------
// Encoding
// ---------------------------------------------------------------------------------------------

/// `jsonencode(value)`: Go's encoding (keys sorted, no spaces, `<>&` escaped).
fn jsonencode(args: &[Value]) -> CallResult {
    string(json(arg(args, 0)))
}

fn json(value: &Value) -> String {
    let mut out = String::new();
    write_json(value, &mut out);
    out
}

fn write_json(value: &Value, out: &mut String) {
    match value {
        Value::Null | Value::Unknown => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&format_number(*n)),
        Value::String(s) => write_json_string(s, out),
        Value::List(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_json(item, out);
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            for (i, (key, item)) in map.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_json_string(key, out);
                out.push(':');
                write_json(item, out);
            }
            out.push('}');
        }
    }
}

/// A JSON string as Go's `encoding/json` writes it (HTML-safe).
fn write_json_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// `jsondecode(string)`.
fn jsondecode(args: &[Value]) -> CallResult {
    let text = str_at(args, 0)?;
    match serde_json::from_str::<serde_json::Value>(&text) {
        Ok(parsed) => Ok(Value::from_json(&parsed)),
        Err(e) => invalid(format!("invalid JSON: {e}")),
    }
}

/// `csvdecode(string)`: the rows after the header line as objects of strings, read as Go's
/// `encoding/csv` does (RFC 4180 quoting, blank lines skipped, every row as wide as the header).
fn csvdecode(args: &[Value]) -> CallResult {
    let text = str_at(args, 0)?.replace("\r\n", "\n");
    let mut records: Vec<Vec<String>> = Vec::new();
    let mut chars = text.chars().peekable();
    let mut line = 1usize;
    while chars.peek().is_some() {
        if chars.peek() == Some(&'\n') {
            chars.next();
            line += 1;
            continue;
        }
        let mut record = Vec::new();
        loop {
            let mut field = String::new();
            if chars.peek() == Some(&'"') {
                chars.next();
                loop {
                    match chars.next() {
                        Some('"') if chars.peek() == Some(&'"') => {
                            chars.next();
                            field.push('"');
                        }
                        Some('"') => break,
                        Some(c) => {
                            if c == '\n' {
                                line += 1;
                            }
                            field.push(c);
                        }
                        None => {
                            return invalid(format!(
                                "parse error on line {line}: extraneous or missing \" in quoted-field"
                            ));
                        }
                    }
                }
                if !matches!(chars.peek(), None | Some(',' | '\n')) {
                    return invalid(format!(
                        "parse error on line {line}: extraneous or missing \" in quoted-field"
                    ));
                }
            } else {
                while let Some(&c) = chars.peek() {
                    if c == ',' || c == '\n' {
                        break;
                    }
                    if c == '"' {
                        return invalid(format!(
                            "parse error on line {line}: bare \" in non-quoted-field"
                        ));
                    }
                    field.push(c);
                    chars.next();
                }
            }
            record.push(field);
            match chars.next() {
                Some(',') => continue,
                Some(_) => {
                    line += 1;
                    break;
                }
                None => break,
            }
        }
        if let Some(first) = records.first() {
            if record.len() != first.len() {
                return invalid(format!(
                    "parse error on line {line}: wrong number of fields"
                ));
            }
        }
        records.push(record);
    }
    let mut rows = records.into_iter();
    let Some(header) = rows.next() else {
        return invalid("missing header line");
    };
    Ok(Value::List(
        rows.map(|row| {
            Value::Object(
                header
                    .iter()
                    .cloned()
                    .zip(row.into_iter().map(Value::String))
                    .collect(),
            )
        })
        .collect(),
    ))
}

/// `yamlencode(value)`: YAML 1.2 block style exactly as Terraform's emitter (libyaml, via
/// go-cty-yaml) writes it. Unknown for the rare map keys that need YAML's complex-key form.
fn yamlencode(args: &[Value]) -> CallResult {
    Ok(Yaml::encode(arg(args, 0)).map_or(Value::Unknown, Value::String))
}

fn base64encode(args: &[Value]) -> CallResult {
    string(base64(str_at(args, 0)?.as_bytes()))
}

/// `base64decode(string)`: the decoded bytes, which must be UTF-8.
fn base64decode(args: &[Value]) -> CallResult {
    let text = str_at(args, 0)?;
    let Some(bytes) = unbase64(&text) else {
        return invalid(format!("failed to decode base64 data {text}"));
    };
    match String::from_utf8(bytes) {
        Ok(s) => string(s),
        Err(_) => invalid("the result of decoding the provided string is not valid UTF-8"),
    }
}

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 with padding.
fn base64(data: &[u8]) -> String {
    let symbol = |i: u32| char::from(BASE64.get((i & 63) as usize).copied().unwrap_or(b'='));
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = |i: usize| u32::from(chunk.get(i).copied().unwrap_or(0));
        let n = (b(0) << 16) | (b(1) << 8) | b(2);
        out.push(symbol(n >> 18));
        out.push(symbol(n >> 12));
        out.push(if chunk.len() > 1 { symbol(n >> 6) } else { '=' });
        out.push(if chunk.len() > 2 { symbol(n) } else { '=' });
    }
    out
}

/// Go's `base64.StdEncoding.DecodeString`: padding required, `\r` and `\n` ignored.
fn unbase64(text: &str) -> Option<Vec<u8>> {
    let symbols: Vec<u8> = text
        .bytes()
        .filter(|b| !matches!(b, b'\r' | b'\n'))
        .collect();
    if symbols.len() % 4 != 0 {
        return None;
    }
    let mut out = Vec::with_capacity(symbols.len() / 4 * 3);
    let quads = symbols.chunks(4).count();
    for (q, quad) in symbols.chunks(4).enumerate() {
        let mut n = 0u32;
        let mut padding = 0;
        for &s in quad {
            let v = match s {
                b'=' => {
                    padding += 1;
                    0
                }
                _ if padding > 0 => return None,
                _ => u32::try_from(BASE64.iter().position(|&b| b == s)?).ok()?,
            };
            n = (n << 6) | v;
        }
        if padding > 2 || (padding > 0 && q + 1 != quads) {
            return None;
        }
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend(bytes.iter().take(3 - padding));
    }
    Some(out)
}

/// `urlencode(string)`: Go's `url.QueryEscape` (spaces become `+`).
fn urlencode(args: &[Value]) -> CallResult {
    let mut out = String::new();
    for b in str_at(args, 0)?.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(char::from(b));
            }
            b' ' => out.push('+'),
            _ => {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
    string(out)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().fold(String::new(), |mut out, b| {
        let _ = write!(out, "{b:02x}");
        out
    })
}

fn md5(args: &[Value]) -> CallResult {
    string(hex(&md5_digest(str_at(args, 0)?.as_bytes())))
}

fn sha1(args: &[Value]) -> CallResult {
    string(hex(&sha1_digest(str_at(args, 0)?.as_bytes())))
}

fn sha256(args: &[Value]) -> CallResult {
    string(hex(&Sha256::digest(str_at(args, 0)?.as_bytes())))
}

fn sha512(args: &[Value]) -> CallResult {
    string(hex(&Sha512::digest(str_at(args, 0)?.as_bytes())))
}

fn base64sha256(args: &[Value]) -> CallResult {
    string(base64(&Sha256::digest(str_at(args, 0)?.as_bytes())))
}

fn base64sha512(args: &[Value]) -> CallResult {
    string(base64(&Sha512::digest(str_at(args, 0)?.as_bytes())))
}

/// `uuidv5(namespace, name)`: a name-based (SHA-1) UUID, RFC 4122 §4.3.
fn uuidv5(args: &[Value]) -> CallResult {
    let (namespace, name) = (str_at(args, 0)?, str_at(args, 1)?);
    let id = match namespace.as_str() {
        "dns" => "6ba7b810-9dad-11d1-80b4-00c04fd430c8",
        "url" => "6ba7b811-9dad-11d1-80b4-00c04fd430c8",
        "oid" => "6ba7b812-9dad-11d1-80b4-00c04fd430c8",
        "x500" => "6ba7b814-9dad-11d1-80b4-00c04fd430c8",
        other => other,
    };
    let Some(namespace_bytes) = parse_uuid(id) else {
        return invalid(format!("uuidv5() doesn't support namespace {namespace}"));
    };
    let mut data = namespace_bytes;
    data.extend_from_slice(name.as_bytes());
    let mut hash: Vec<u8> = sha1_digest(&data).into_iter().take(16).collect();
    if let Some(b) = hash.get_mut(6) {
        *b = (*b & 0x0f) | 0x50;
    }
    if let Some(b) = hash.get_mut(8) {
        *b = (*b & 0x3f) | 0x80;
    }
    let h = hex(&hash);
    let part = |range: std::ops::Range<usize>| h.get(range).unwrap_or("");
    string(format!(
        "{}-{}-{}-{}-{}",
        part(0..8),
        part(8..12),
        part(12..16),
        part(16..20),
        part(20..32)
    ))
}

/// A UUID's 16 bytes, in the forms Go's `uuid.Parse` accepts.
fn parse_uuid(text: &str) -> Option<Vec<u8>> {
    let lower = text.to_ascii_lowercase();
    let body = match text.len() {
        36 => text,
        45 if lower.starts_with("urn:uuid:") => text.get(9..)?,
        38 if text.starts_with('{') && text.ends_with('}') => text.get(1..37)?,
        32 => {
            return (0..16)
                .map(|i| u8::from_str_radix(text.get(2 * i..2 * i + 2)?, 16).ok())
                .collect();
        }
        _ => return None,
    };
    let dashes = body
        .char_indices()
        .filter(|(_, c)| *c == '-')
        .map(|(i, _)| i)
        .collect::<Vec<_>>();
    if dashes != [8, 13, 18, 23] {
        return None;
    }
    let digits: String = body.chars().filter(|c| *c != '-').collect();
    (0..16)
        .map(|i| u8::from_str_radix(digits.get(2 * i..2 * i + 2)?, 16).ok())
        .collect()
}

/// MD5 (RFC 1321).
fn md5_digest(data: &[u8]) -> [u8; 16] {
    const SHIFTS: [u32; 16] = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
    let constants: Vec<u32> = (1..=64)
        .map(|i: i32| (f64::from(i).sin().abs() * 4_294_967_296.0) as u32)
        .collect();
    let mut state: [u32; 4] = [0x6745_2301, 0xefcd_ab89, 0x98ba_dcfe, 0x1032_5476];
    for block in padded_blocks(data, false) {
        let words: Vec<u32> = block
            .chunks(4)
            .map(|w| u32::from_le_bytes([byte(w, 0), byte(w, 1), byte(w, 2), byte(w, 3)]))
            .collect();
        let [mut a, mut b, mut c, mut d] = state;
        for i in 0..64 {
            let (f, g) = match i / 16 {
                0 => ((b & c) | (!b & d), i),
                1 => ((d & b) | (!d & c), (5 * i + 1) % 16),
                2 => (b ^ c ^ d, (3 * i + 5) % 16),
                _ => (c ^ (b | !d), (7 * i) % 16),
            };
            let shift = SHIFTS.get((i / 16) * 4 + i % 4).copied().unwrap_or(0);
            let sum = a
                .wrapping_add(f)
                .wrapping_add(word(&constants, i))
                .wrapping_add(word(&words, g));
            a = d;
            d = c;
            c = b;
            b = b.wrapping_add(sum.rotate_left(shift));
        }
        state = [
            state[0].wrapping_add(a),
            state[1].wrapping_add(b),
            state[2].wrapping_add(c),
            state[3].wrapping_add(d),
        ];
    }
    let mut out = [0u8; 16];
    for (chunk, s) in out.chunks_mut(4).zip(state) {
        chunk.copy_from_slice(&s.to_le_bytes());
    }
    out
}

/// SHA-1 (FIPS 180-4).
fn sha1_digest(data: &[u8]) -> [u8; 20] {
    let mut state: [u32; 5] = [
        0x6745_2301,
        0xefcd_ab89,
        0x98ba_dcfe,
        0x1032_5476,
        0xc3d2_e1f0,
    ];
    for block in padded_blocks(data, true) {
        let mut w: Vec<u32> = block
            .chunks(4)
            .map(|w| u32::from_be_bytes([byte(w, 0), byte(w, 1), byte(w, 2), byte(w, 3)]))
            .collect();
        for i in 16..80 {
            let x = word(&w, i - 3) ^ word(&w, i - 8) ^ word(&w, i - 14) ^ word(&w, i - 16);
            w.push(x.rotate_left(1));
        }
        let [mut a, mut b, mut c, mut d, mut e] = state;
        for (i, wi) in w.iter().enumerate() {
            let (f, k) = match i / 20 {
                0 => ((b & c) | (!b & d), 0x5a82_7999),
                1 => (b ^ c ^ d, 0x6ed9_eba1),
                2 => ((b & c) | (b & d) | (c & d), 0x8f1b_bcdc),
                _ => (b ^ c ^ d, 0xca62_c1d6),
            };
            let t = a
                .rotate_left(5)
                .wrapping_add(f)
                .wrapping_add(e)
                .wrapping_add(k)
                .wrapping_add(*wi);
            e = d;
            d = c;
            c = b.rotate_left(30);
            b = a;
            a = t;
        }
        state = [
            state[0].wrapping_add(a),
            state[1].wrapping_add(b),
            state[2].wrapping_add(c),
            state[3].wrapping_add(d),
            state[4].wrapping_add(e),
        ];
    }
    let mut out = [0u8; 20];
    for (chunk, s) in out.chunks_mut(4).zip(state) {
        chunk.copy_from_slice(&s.to_be_bytes());
    }
    out
}

/// The message padded to 64-byte blocks with its bit length (big- or little-endian).
fn padded_blocks(data: &[u8], big_endian: bool) -> Vec<Vec<u8>> {
    let mut message = data.to_vec();
    message.push(0x80);
    while message.len() % 64 != 56 {
        message.push(0);
    }
    let bits = (data.len() as u64).wrapping_mul(8);
    message.extend_from_slice(&if big_endian {
        bits.to_be_bytes()
    } else {
        bits.to_le_bytes()
    });
    message.chunks(64).map(<[u8]>::to_vec).collect()
}

fn byte(bytes: &[u8], i: usize) -> u8 {
    bytes.get(i).copied().unwrap_or(0)
}

fn word(words: &[u32], i: usize) -> u32 {
    words.get(i).copied().unwrap_or(0)
}

// ---------------------------------------------------------------------------------------------
// YAML decoding (go-cty-yaml's conversion rules over saphyr's parser events)
// ---------------------------------------------------------------------------------------------

/// `yamldecode(string)`: a single YAML document. Scalars resolve as Terraform resolves them
/// (YAML 1.1 booleans such as `yes` and `off`, `0x`/`0o` integers, merge keys `<<`);
/// timestamps other than plain dates and infinite numbers are unknown.
fn yamldecode(args: &[Value]) -> CallResult {
    let text = str_at(args, 0)?;
    let mut decoder = YamlDecoder {
        parser: saphyr_parser::Parser::new_from_str(&text),
        anchors: BTreeMap::new(),
        pending: Vec::new(),
    };
    match decoder.document() {
        Ok(value) => Ok(value),
        Err(YamlFail::Invalid(message)) => invalid(message),
        Err(YamlFail::Unknown) => Ok(Value::Unknown),
    }
}

enum YamlFail {
    Invalid(String),
    /// Valid YAML whose Terraform value tenet cannot reproduce.
    Unknown,
}

fn yaml_error(message: impl Into<String>) -> YamlFail {
    YamlFail::Invalid(message.into())
}

/// Deepest YAML nesting decoded (deeper input is rejected, never a stack overflow).
const MAX_YAML_DEPTH: usize = 256;

struct YamlDecoder<'a> {
    parser: saphyr_parser::Parser<'a, saphyr_parser::StrInput<'a>>,
    anchors: BTreeMap<usize, Value>,
    /// Anchors whose node is still being decoded (an alias to them is an error).
    pending: Vec<usize>,
}

impl<'a> YamlDecoder<'a> {
    fn next(&mut self) -> Result<YamlEvent<'a>, YamlFail> {
        match self.parser.next_event() {
            Some(Ok((event, _))) => Ok(event),
            Some(Err(e)) => Err(yaml_error(format!(
                "on line {}, column {}: {}",
                e.marker().line(),
                e.marker().col() + 1,
                e.info()
            ))),
            None => Ok(YamlEvent::StreamEnd),
        }
    }

    fn document(&mut self) -> Result<Value, YamlFail> {
        let mut event = self.next()?;
        if matches!(event, YamlEvent::StreamStart) {
            event = self.next()?;
        }
        match event {
            YamlEvent::StreamEnd => return Ok(Value::Null),
            YamlEvent::DocumentStart(_) => {}
            _ => return Err(yaml_error("missing start of document")),
        }
        let first = self.next()?;
        let value = self.value(first, 0)?;
        match self.next()? {
            YamlEvent::DocumentEnd => {}
            YamlEvent::DocumentStart(_) => {
                return Err(yaml_error("only a single document is allowed"));
            }
            _ => return Err(yaml_error("unexpected extra content after value")),
        }
        match self.next()? {
            YamlEvent::StreamEnd => Ok(value),
            _ => Err(yaml_error("unexpected extra content after value")),
        }
    }

    fn begin(&mut self, anchor: usize) {
        if anchor > 0 {
            self.pending.push(anchor);
        }
    }

    fn complete(&mut self, anchor: usize, value: &Value) {
        if anchor > 0 {
            self.pending.retain(|a| *a != anchor);
            self.anchors.insert(anchor, value.clone());
        }
    }

    fn value(&mut self, event: YamlEvent<'a>, depth: usize) -> Result<Value, YamlFail> {
        if depth > MAX_YAML_DEPTH {
            return Err(yaml_error("the document is nested too deeply"));
        }
        match event {
            YamlEvent::Scalar(text, style, anchor, tag) => {
                self.begin(anchor);
                let value = resolve_yaml_scalar(tag.as_deref(), &text, style)?;
                self.complete(anchor, &value);
                Ok(value)
            }
            YamlEvent::Alias(anchor) => {
                if self.pending.contains(&anchor) {
                    return Err(yaml_error(
                        "cannot refer to an anchor from inside its own definition",
                    ));
                }
                self.anchors
                    .get(&anchor)
                    .cloned()
                    .ok_or_else(|| yaml_error("reference to undefined anchor"))
            }
            YamlEvent::SequenceStart(anchor, tag) => {
                check_collection_tag(tag.as_deref(), "seq", "sequence")?;
                self.begin(anchor);
                let mut items = Vec::new();
                loop {
                    match self.next()? {
                        YamlEvent::SequenceEnd => break,
                        event => items.push(self.value(event, depth + 1)?),
                    }
                }
                let value = Value::List(items);
                self.complete(anchor, &value);
                Ok(value)
            }
            YamlEvent::MappingStart(anchor, tag) => {
                check_collection_tag(tag.as_deref(), "map", "mapping")?;
                self.begin(anchor);
                let value = Value::Object(self.mapping(depth)?);
                self.complete(anchor, &value);
                Ok(value)
            }
            YamlEvent::StreamEnd | YamlEvent::DocumentEnd => {
                Err(yaml_error("expecting value but found end of stream"))
            }
            YamlEvent::DocumentStart(_) => Err(yaml_error("only a single document is allowed")),
            _ => Err(yaml_error("unexpected parser event")),
        }
    }

    fn mapping(&mut self, depth: usize) -> Result<BTreeMap<String, Value>, YamlFail> {
        let mut map = BTreeMap::new();
        loop {
            let (text, style, tag) = match self.next()? {
                YamlEvent::MappingEnd => return Ok(map),
                YamlEvent::Scalar(text, style, _, tag) => (text, style, tag),
                _ => return Err(yaml_error("only strings are allowed as mapping keys")),
            };
            let merge = match tag.as_deref() {
                None => text == "<<",
                Some(t) => t.is_yaml_core_schema() && t.suffix == "merge",
            };
            let event = self.next()?;
            let value = self.value(event, depth + 1)?;
            if merge {
                let sources = match value {
                    Value::Object(_) => vec![value],
                    Value::List(items) => items,
                    other => {
                        return Err(yaml_error(format!(
                            "cannot merge {} into mapping",
                            other.type_name()
                        )));
                    }
                };
                for source in sources {
                    match source {
                        Value::Object(entries) => map.extend(entries),
                        other => {
                            return Err(yaml_error(format!(
                                "cannot merge {} (from sequence) into mapping",
                                other.type_name()
                            )));
                        }
                    }
                }
                continue;
            }
            let key = match resolve_yaml_scalar(tag.as_deref(), &text, style)? {
                Value::String(s) => s,
                Value::Number(n) => format_number(n),
                Value::Bool(b) => b.to_string(),
                Value::Null => return Err(yaml_error("mapping key cannot be null")),
                _ => return Err(yaml_error("only strings are allowed as mapping keys")),
            };
            map.insert(key, value);
        }
    }
}

type YamlEvent<'a> = saphyr_parser::Event<'a>;

fn check_collection_tag(
    tag: Option<&saphyr_parser::Tag>,
    expected: &str,
    what: &str,
) -> Result<(), YamlFail> {
    match tag {
        None => Ok(()),
        Some(t) if t.is_yaml_core_schema() && t.suffix == expected => Ok(()),
        Some(t) => Err(yaml_error(format!("can't interpret {what} as {t}"))),
    }
}

/// go-cty-yaml's `resolveScalar`.
fn resolve_yaml_scalar(
    tag: Option<&saphyr_parser::Tag>,
    src: &str,
    style: saphyr_parser::ScalarStyle,
) -> Result<Value, YamlFail> {
    use saphyr_parser::ScalarStyle;
    let mut tag = match tag {
        None => "",
        Some(t) if t.is_yaml_core_schema() => t.suffix.as_str(),
        Some(t) => return Err(yaml_error(format!("unsupported tag \"{t}\""))),
    };
    if !matches!(
        tag,
        "" | "str" | "bool" | "int" | "float" | "null" | "timestamp" | "binary"
    ) {
        return Err(yaml_error(format!("unsupported tag \"!!{tag}\"")));
    }
    let hint = match src.bytes().next() {
        None => b'N',
        Some(b'+' | b'-') => b'S',
        Some(b'0'..=b'9') => b'D',
        Some(b'y' | b'Y' | b'n' | b'N' | b't' | b'T' | b'f' | b'F' | b'o' | b'O' | b'~') => b'M',
        Some(b'.') => b'.',
        Some(_) => 0,
    };
    if hint != 0 && tag != "str" && tag != "binary" {
        if matches!(style, ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted) {
            return Ok(Value::String(src.to_string()));
        }
        if let Some(special) = yaml_special(src) {
            return special;
        }
        if tag.is_empty() && matches!(src, ".nan" | ".NaN" | ".NAN") {
            return Err(yaml_error("floating point NaN is not supported"));
        }
        match hint {
            b'.' => {
                if let Some(n) = parse_number(src) {
                    return Ok(Value::Number(n));
                }
            }
            b'D' | b'S' => {
                if tag.is_empty() || tag == "timestamp" {
                    match yaml_timestamp(src) {
                        Some(Some(text)) => return Ok(Value::String(text)),
                        Some(None) => return Err(YamlFail::Unknown),
                        None => {}
                    }
                }
                if yaml_integer_literal(src) {
                    tag = "int";
                } else if yaml_float_literal(src) {
                    tag = "float";
                }
            }
            _ => {}
        }
    }
    match tag {
        "binary" => match unbase64(src) {
            Some(_) => Ok(Value::String(src.to_string())),
            None => Err(yaml_error(format!(
                "cannot parse {src:?} as !!binary: not valid base64"
            ))),
        },
        "bool" => match yaml_special(src) {
            Some(Ok(Value::Bool(b))) => Ok(Value::Bool(b)),
            _ => Err(yaml_error(format!("cannot parse {src:?} as !!bool"))),
        },
        "int" | "float" => {
            let plain = src.replace('_', "");
            if let Some(n) = parse_number(&plain) {
                return Ok(Value::Number(n));
            }
            if matches!(plain.trim_start_matches(['+', '-']), "Inf" | "inf") {
                return Err(YamlFail::Unknown);
            }
            go_parse_int(&plain)
                .map(Value::Number)
                .ok_or_else(|| yaml_error(format!("cannot parse {src:?} as !!{tag}")))
        }
        "timestamp" => match yaml_timestamp(src) {
            Some(Some(text)) => Ok(Value::String(text)),
            Some(None) => Err(YamlFail::Unknown),
            None => Err(yaml_error(format!("cannot parse {src:?} as !!timestamp"))),
        },
        "null" => Ok(Value::Null),
        _ => Ok(Value::String(src.to_string())),
    }
}

/// The YAML 1.1 booleans, nulls and infinities go-cty-yaml recognises.
fn yaml_special(src: &str) -> Option<Result<Value, YamlFail>> {
    Some(Ok(match src {
        "y" | "Y" | "yes" | "Yes" | "YES" | "true" | "True" | "TRUE" | "on" | "On" | "ON" => {
            Value::Bool(true)
        }
        "n" | "N" | "no" | "No" | "NO" | "false" | "False" | "FALSE" | "off" | "Off" | "OFF" => {
            Value::Bool(false)
        }
        "" | "~" | "null" | "Null" | "NULL" => Value::Null,
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" | "-.inf" | "-.Inf" | "-.INF" => {
            return Some(Err(YamlFail::Unknown));
        }
        _ => return None,
    }))
}

/// `[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+`, the whole string.
fn yaml_integer_literal(src: &str) -> bool {
    let non_empty_all = |s: &str, f: fn(&u8) -> bool| !s.is_empty() && s.bytes().all(|b| f(&b));
    if let Some(octal) = src.strip_prefix("0o") {
        return non_empty_all(octal, |b| (b'0'..=b'7').contains(b));
    }
    if let Some(hex) = src.strip_prefix("0x") {
        return non_empty_all(hex, u8::is_ascii_hexdigit);
    }
    non_empty_all(src.trim_start_matches(['+', '-']), u8::is_ascii_digit)
        && src.len() - src.trim_start_matches(['+', '-']).len() <= 1
}

/// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, the whole string.
fn yaml_float_literal(src: &str) -> bool {
    let unsigned = src.strip_prefix(['+', '-']).unwrap_or(src);
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(i) => (
            unsigned.get(..i).unwrap_or(""),
            Some(unsigned.get(i + 1..).unwrap_or("")),
        ),
        None => (unsigned, None),
    };
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = match mantissa.split_once('.') {
        Some(("", fraction)) => !fraction.is_empty() && digits(fraction),
        Some((whole, fraction)) => digits(whole) && digits(fraction),
        None => !mantissa.is_empty() && digits(mantissa),
    };
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['+', '-']).unwrap_or(e);
        !e.is_empty() && digits(e)
    });
    mantissa_ok && exponent_ok
}

/// Go's `strconv.ParseInt(s, 0, 64)` (then `ParseUint`): sign, `0x`/`0o`/`0b`/`0` prefixes.
fn go_parse_int(text: &str) -> Option<f64> {
    let (negative, body) = match text.as_bytes().first() {
        Some(b'-') => (true, text.get(1..)?),
        Some(b'+') => (false, text.get(1..)?),
        _ => (false, text),
    };
    let lower = body.to_ascii_lowercase();
    let (radix, digits) = if let Some(d) = lower.strip_prefix("0x") {
        (16, d)
    } else if let Some(d) = lower.strip_prefix("0o") {
        (8, d)
    } else if let Some(d) = lower.strip_prefix("0b") {
        (2, d)
    } else if lower.len() > 1 && lower.starts_with('0') {
        (8, lower.get(1..)?)
    } else {
        (10, lower.as_str())
    };
    let magnitude = u64::from_str_radix(digits, radix).ok()?;
    if negative {
        (magnitude <= 1 << 63).then(|| -(magnitude as f64))
    } else {
        Some(magnitude as f64)
    }
}

/// go-cty-yaml's `parseTimestamp`: `None` when `src` cannot be a timestamp (it does not
/// start with `YYYY-`), `Some(Some(RFC 3339))` for a plain date, `Some(None)` for the
/// date-time forms tenet does not convert.
fn yaml_timestamp(src: &str) -> Option<Option<String>> {
    let year_digits = src.bytes().take_while(u8::is_ascii_digit).count();
    if year_digits != 4 || src.as_bytes().get(4) != Some(&b'-') {
        return None;
    }
    let mut parts = src.split('-');
    let field = |part: Option<&str>, max_len: usize| {
        part.filter(|p| {
            !p.is_empty() && p.len() <= max_len && p.bytes().all(|b| b.is_ascii_digit())
        })
        .and_then(|p| p.parse::<u32>().ok())
    };
    let (year, month, day) = (
        field(parts.next(), 4),
        field(parts.next(), 2),
        field(parts.next(), 2),
    );
    match (year, month, day, parts.next()) {
        (Some(y), Some(m), Some(d), None)
            if (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m) =>
        {
            Some(Some(format!("{y:04}-{m:02}-{d:02}T00:00:00Z")))
        }
        _ if src.contains([':', 'T', 't', ' ']) => Some(None),
        _ => None,
    }
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

// ---------------------------------------------------------------------------------------------
// YAML emitter (a port of the parts of libyaml's emitter that yamlencode exercises)
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq)]
enum ScalarStyle {
    Plain,
    DoubleQuoted,
    Literal,
}

/// What libyaml's `yaml_emitter_analyze_scalar` learns about a scalar.
struct ScalarAnalysis {
    multiline: bool,
    block_plain_allowed: bool,
    block_allowed: bool,
}

const YAML_INDENT: i64 = 2;
const YAML_WIDTH: usize = 80;

struct Yaml {
    out: String,
    column: usize,
    indent: i64,
    indents: Vec<i64>,
    whitespace: bool,
    indention: bool,
    open_ended: bool,
    root_context: bool,
    mapping_context: bool,
    simple_key_context: bool,
}

impl Yaml {
    /// The whole document: `None` when a map key would need YAML's `? key` form.
    fn encode(value: &Value) -> Option<String> {
        let mut e = Yaml {
            out: String::new(),
            column: 0,
            indent: -1,
            indents: Vec::new(),
            whitespace: true,
            indention: true,
            open_ended: false,
            root_context: false,
            mapping_context: false,
            simple_key_context: false,
        };
        e.node(value, true, false, false)?;
        e.write_indent(); // document end
        if e.open_ended {
            e.write_indicator("...", true, false, false);
            e.write_indent();
        }
        Some(e.out)
    }

    fn put(&mut self, c: char) {
        self.out.push(c);
        self.column += 1;
    }

    fn put_break(&mut self) {
        self.out.push('\n');
        self.column = 0;
    }

    fn write_indent(&mut self) {
        let indent = usize::try_from(self.indent.max(0)).unwrap_or(0);
        if !self.indention || self.column > indent || (self.column == indent && !self.whitespace) {
            self.put_break();
        }
        while self.column < indent {
            self.put(' ');
        }
        self.whitespace = true;
        self.indention = true;
    }

    fn write_indicator(
        &mut self,
        indicator: &str,
        need_space: bool,
        is_space: bool,
        indention: bool,
    ) {
        if need_space && !self.whitespace {
            self.put(' ');
        }
        for c in indicator.chars() {
            self.put(c);
        }
        self.whitespace = is_space;
        self.indention = self.indention && indention;
        self.open_ended = false;
    }

    fn increase_indent(&mut self, flow: bool, indentless: bool) {
        self.indents.push(self.indent);
        if self.indent < 0 {
            self.indent = if flow { YAML_INDENT } else { 0 };
        } else if !indentless {
            self.indent += YAML_INDENT;
        }
    }

    fn restore_indent(&mut self) {
        if let Some(indent) = self.indents.pop() {
            self.indent = indent;
        }
    }

    fn node(&mut self, value: &Value, root: bool, mapping: bool, simple_key: bool) -> Option<()> {
        self.root_context = root;
        self.mapping_context = mapping;
        self.simple_key_context = simple_key;
        match value {
            Value::Null => self.scalar("null", ScalarStyle::Plain),
            Value::Bool(b) => self.scalar(if *b { "true" } else { "false" }, ScalarStyle::Plain),
            Value::Number(n) => self.scalar(&format_number(*n), ScalarStyle::Plain),
            Value::String(s) if s.contains('\n') => self.scalar(s, ScalarStyle::Literal),
            Value::String(s) => self.scalar(s, ScalarStyle::DoubleQuoted),
            Value::List(items) if items.is_empty() => {
                self.empty_flow("[", "]");
                Some(())
            }
            Value::Object(map) if map.is_empty() => {
                self.empty_flow("{", "}");
                Some(())
            }
            Value::List(items) => {
                let indentless = self.mapping_context && !self.indention;
                self.increase_indent(false, indentless);
                for item in items {
                    self.write_indent();
                    self.write_indicator("-", true, false, true);
                    self.node(item, false, false, false)?;
                }
                self.restore_indent();
                Some(())
            }
            Value::Object(map) => {
                self.increase_indent(false, false);
                for (key, item) in map {
                    self.write_indent();
                    if analyze_scalar(key).multiline || key.len() > 128 {
                        return None;
                    }
                    self.simple_key_context = true;
                    self.root_context = false;
                    self.mapping_context = true;
                    self.scalar(key, ScalarStyle::DoubleQuoted)?;
                    self.write_indicator(":", false, false, false);
                    self.node(item, false, true, false)?;
                }
                self.restore_indent();
                Some(())
            }
            Value::Unknown => None,
        }
    }

    fn empty_flow(&mut self, open: &str, close: &str) {
        self.write_indicator(open, true, true, false);
        self.write_indicator(close, false, false, false);
    }

    fn scalar(&mut self, value: &str, requested: ScalarStyle) -> Option<()> {
        let analysis = analyze_scalar(value);
        let mut style = requested;
        if self.simple_key_context && analysis.multiline {
            style = ScalarStyle::DoubleQuoted;
        }
        if style == ScalarStyle::Plain
            && (!analysis.block_plain_allowed || (value.is_empty() && self.simple_key_context))
        {
            return None; // would need single quotes; never the case for numbers and bools
        }
        if style == ScalarStyle::Literal && (!analysis.block_allowed || self.simple_key_context) {
            style = ScalarStyle::DoubleQuoted;
        }
        self.increase_indent(true, false);
        let allow_breaks = !self.simple_key_context;
        match style {
            ScalarStyle::Plain => self.write_plain(value),
            ScalarStyle::DoubleQuoted => self.write_double_quoted(value, allow_breaks),
            ScalarStyle::Literal => self.write_literal(value),
        }
        self.restore_indent();
        Some(())
    }

    fn write_plain(&mut self, value: &str) {
        if !self.whitespace {
            self.put(' ');
        }
        for c in value.chars() {
            self.put(c);
        }
        self.whitespace = false;
        self.indention = false;
        if self.root_context {
            self.open_ended = true;
        }
    }

    fn write_double_quoted(&mut self, value: &str, allow_breaks: bool) {
        self.write_indicator("\"", true, false, false);
        let mut spaces = false;
        let mut chars = value.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if !yaml_printable(c) || yaml_break(c) || c == '"' || c == '\\' {
                self.put('\\');
                let code = u32::from(c);
                match c {
                    '\0' => self.put('0'),
                    '\u{7}' => self.put('a'),
                    '\u{8}' => self.put('b'),
                    '\t' => self.put('t'),
                    '\n' => self.put('n'),
                    '\u{b}' => self.put('v'),
                    '\u{c}' => self.put('f'),
                    '\r' => self.put('r'),
                    '\u{1b}' => self.put('e'),
                    '"' => self.put('"'),
                    '\\' => self.put('\\'),
                    '\u{85}' => self.put('N'),
                    '\u{a0}' => self.put('_'),
                    '\u{2028}' => self.put('L'),
                    '\u{2029}' => self.put('P'),
                    _ => {
                        let (letter, width) = match code {
                            0..=0xff => ('x', 2),
                            0x100..=0xffff => ('u', 4),
                            _ => ('U', 8),
                        };
                        self.put(letter);
                        for digit in format!("{code:0width$X}").chars() {
                            self.put(digit);
                        }
                    }
                }
                spaces = false;
            } else if c == ' ' {
                let next_is_space = chars.peek().is_some_and(|(_, n)| *n == ' ');
                if allow_breaks
                    && !spaces
                    && self.column > YAML_WIDTH
                    && i > 0
                    && i + 1 < value.len()
                {
                    self.write_indent();
                    if next_is_space {
                        self.put('\\');
                    }
                } else {
                    self.put(c);
                }
                spaces = true;
            } else {
                self.put(c);
                spaces = false;
            }
        }
        self.write_indicator("\"", false, false, false);
        self.whitespace = false;
        self.indention = false;
    }

    fn write_literal(&mut self, value: &str) {
        self.write_indicator("|", true, false, false);
        if value.starts_with(' ') || value.starts_with(yaml_break) {
            self.write_indicator("2", false, false, false);
        }
        self.open_ended = false;
        let mut reversed = value.chars().rev();
        let chomp = match (reversed.next(), reversed.next()) {
            (Some(last), _) if !yaml_break(last) => Some("-"),
            (Some(_), None) => Some("+"),
            (Some(_), Some(before)) if yaml_break(before) => Some("+"),
            _ => None,
        };
        if let Some(chomp) = chomp {
            // libyaml marks "+" as open-ended, but writing the indicator clears that again.
            self.write_indicator(chomp, false, false, false);
        }
        self.put_break();
        self.indention = true;
        self.whitespace = true;
        let mut breaks = true;
        for c in value.chars() {
            if yaml_break(c) {
                if c == '\n' {
                    self.put_break();
                } else {
                    self.out.push(c);
                    self.column = 0;
                }
                self.indention = true;
                breaks = true;
            } else {
                if breaks {
                    self.write_indent();
                }
                self.put(c);
                self.indention = false;
                breaks = false;
            }
        }
    }
}

fn yaml_printable(c: char) -> bool {
    matches!(u32::from(c), 0x0a | 0x20..=0x7e | 0xa0..=0xd7ff | 0xe000..=0xfffd) && c != '\u{feff}'
}

fn yaml_break(c: char) -> bool {
    matches!(c, '\r' | '\n' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// libyaml's `yaml_emitter_analyze_scalar`, reduced to the flags yamlencode's styles use.
fn analyze_scalar(value: &str) -> ScalarAnalysis {
    if value.is_empty() {
        return ScalarAnalysis {
            multiline: false,
            block_plain_allowed: true,
            block_allowed: false,
        };
    }
    let mut block_indicators = value.starts_with("---") || value.starts_with("...");
    let (mut line_breaks, mut special) = (false, false);
    let (mut leading_space, mut leading_break) = (false, false);
    let (mut trailing_space, mut trailing_break) = (false, false);
    let (mut break_space, mut space_break) = (false, false);
    let (mut previous_space, mut previous_break) = (false, false);
    let mut preceded_by_whitespace = true;
    let chars: Vec<char> = value.chars().collect();
    let last = chars.len() - 1;
    for (i, &c) in chars.iter().enumerate() {
        let followed_by_whitespace = chars.get(i + 1).is_none_or(|n| matches!(n, ' ' | '\t'));
        if i == 0 {
            match c {
                '#' | ',' | '[' | ']' | '{' | '}' | '&' | '*' | '!' | '|' | '>' | '\'' | '"'
                | '%' | '@' | '`' => block_indicators = true,
                '?' | ':' | '-' if followed_by_whitespace => block_indicators = true,
                _ => {}
            }
        } else {
            match c {
                ':' if followed_by_whitespace => block_indicators = true,
                '#' if preceded_by_whitespace => block_indicators = true,
                _ => {}
            }
        }
        if !yaml_printable(c) {
            special = true;
        }
        if c == ' ' {
            leading_space |= i == 0;
            trailing_space |= i == last;
            break_space |= previous_break;
            previous_space = true;
            previous_break = false;
        } else if yaml_break(c) {
            line_breaks = true;
            leading_break |= i == 0;
            trailing_break |= i == last;
            space_break |= previous_space;
            previous_space = false;
            previous_break = true;
        } else {
            previous_space = false;
            previous_break = false;
        }
        preceded_by_whitespace = matches!(c, ' ' | '\t' | '\0') || yaml_break(c);
    }
    let mut block_plain_allowed = true;
    let mut block_allowed = true;
    if leading_space || leading_break || trailing_space || trailing_break || break_space {
        block_plain_allowed = false;
    }
    if trailing_space || space_break || special {
        block_allowed = false;
    }
    if space_break || special || line_breaks || block_indicators {
        block_plain_allowed = false;
    }
    ScalarAnalysis {
        multiline: line_breaks,
        block_plain_allowed,
        block_allowed,
    }
}

// ---------------------------------------------------------------------------------------------
// IP networks (Terraform's fork of Go's net.ParseCIDR and the go-cidr package)
// ---------------------------------------------------------------------------------------------

/// A parsed CIDR prefix: the masked network address in an integer of `bits` (32 or 128).
#[derive(Clone, Copy)]
struct Network {
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

fn width_mask(bits: u32) -> u128 {
    if bits >= 128 {
        u128::MAX
    } else {
        (1u128 << bits) - 1
    }
}

/// The netmask of a `prefix`-bit prefix in a `bits`-bit address.
fn prefix_mask(prefix: u32, bits: u32) -> u128 {
    let width = width_mask(bits);
    if prefix >= bits {
        width
    } else {
        width & !(width >> prefix)
    }
}

/// Go's `net.ParseCIDR` as Terraform forked it (IPv4 octets may have leading zeros).
fn parse_cidr(text: &str) -> Result<Network, CallError> {
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

fn parse_ipv4(text: &str) -> Option<u32> {
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
fn go_dtoi(text: &str) -> Option<u32> {
    go_digits(text, 10)
        .filter(|(_, len)| *len == text.len())
        .map(|(n, _)| n)
}

/// Go's `dtoi`/`xtoi`: the value of the leading digits in `base` and how many there are;
/// `None` without digits or once the value reaches 0xFFFFFF.
fn go_digits(text: &str, base: u32) -> Option<(u32, usize)> {
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
fn parse_ipv6(text: &str) -> Option<u128> {
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
fn format_ip(addr: u128, bits: u32) -> String {
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
fn format_network(addr: u128, prefix: u32, bits: u32) -> String {
    if bits == 128 && addr >> 32 == 0xffff {
        return format!("{}/{}", format_ip(addr, bits), prefix.saturating_sub(96));
    }
    format!("{}/{prefix}", format_ip(addr, bits))
}

/// `cidrhost(prefix, hostnum)`: the address of host `hostnum` (negative counts from the end).
fn cidrhost(args: &[Value]) -> CallResult {
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
fn cidrnetmask(args: &[Value]) -> CallResult {
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
fn cidrsubnet(args: &[Value]) -> CallResult {
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
fn cidrsubnets(args: &[Value]) -> CallResult {
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

// ---------------------------------------------------------------------------------------------
// Files and paths
// ---------------------------------------------------------------------------------------------

/// Most bytes a file function reads.
const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// Where a path argument leads, confined to the scan root.
enum Resolved {
    Exists(PathBuf),
    Missing,
}

/// Resolves `path` as Terraform does (relative to the module directory, `..` removed
/// lexically, `~` expanded to the home directory), then requires the real path (symlinks
/// followed) to lie inside the scan root.
fn resolve(ctx: &FunctionContext<'_>, path: &str) -> Result<Resolved, CallError> {
    let outside = || CallError::OutsideRoot(path.to_string());
    if path.starts_with('~') {
        return Err(outside());
    }
    let joined = ctx.module_dir.join(path);
    let joined = std::path::absolute(&joined).unwrap_or(joined);
    let cleaned = lexical_clean(&joined);
    let root = ctx.scan_root.canonicalize().map_err(|_| outside())?;
    if let Ok(real) = cleaned.canonicalize() {
        return if real.starts_with(&root) {
            Ok(Resolved::Exists(real))
        } else {
            Err(outside())
        };
    }
    // Missing: the deepest existing ancestor decides where it would be.
    let mut tail = Vec::new();
    let mut ancestor = cleaned.as_path();
    while let Some(parent) = ancestor.parent() {
        tail.push(ancestor.file_name().unwrap_or_default().to_os_string());
        ancestor = parent;
        if let Ok(real) = ancestor.canonicalize() {
            let full = tail.iter().rev().fold(real, |p, part| p.join(part));
            return if full.starts_with(&root) {
                Ok(Resolved::Missing)
            } else {
                Err(outside())
            };
        }
    }
    Err(outside())
}

/// Go's `filepath.Clean` on an absolute path: `.` and `..` resolved lexically.
fn lexical_clean(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                if matches!(out.components().next_back(), Some(Component::Normal(_))) {
                    out.pop();
                } else if !out.has_root() {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// The bytes of the file at `path` (at most [`MAX_FILE_BYTES`]).
fn read_file(ctx: &FunctionContext<'_>, path: &str) -> Result<Vec<u8>, CallError> {
    let real = match resolve(ctx, path)? {
        Resolved::Exists(real) => real,
        Resolved::Missing => {
            return invalid(format!(
                "no file exists at {path}; this function works only with files that are \
                 distributed as part of the configuration source code"
            ));
        }
    };
    let metadata = std::fs::metadata(&real).map_err(|e| read_error(path, &e))?;
    if metadata.is_dir() {
        return invalid(format!("failed to read file: {path} is a directory"));
    }
    if metadata.len() > MAX_FILE_BYTES {
        return invalid(format!(
            "{path} is larger than {MAX_FILE_BYTES} bytes; not read"
        ));
    }
    let file = std::fs::File::open(&real).map_err(|e| read_error(path, &e))?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| read_error(path, &e))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return invalid(format!(
            "{path} is larger than {MAX_FILE_BYTES} bytes; not read"
        ));
    }
    Ok(bytes)
}

fn read_error(path: &str, error: &std::io::Error) -> CallError {
    CallError::Invalid(format!("failed to read {path}: {error}"))
}

fn read_text(ctx: &FunctionContext<'_>, path: &str) -> Result<String, CallError> {
    String::from_utf8(read_file(ctx, path)?).map_err(|_| {
        CallError::Invalid(format!(
            "contents of {path} are not valid UTF-8; use the filebase64 function to obtain \
             the Base64 encoded contents or the other file functions (e.g. filemd5, \
             filesha256) to obtain file hashing results instead"
        ))
    })
}

/// `file(path)`: the file's contents, which must be UTF-8.
fn file(args: &[Value], ctx: &FunctionContext<'_>) -> CallResult {
    string(read_text(ctx, &str_at(args, 0)?)?)
}

fn filebase64(args: &[Value], ctx: &FunctionContext<'_>) -> CallResult {
    string(base64(&read_file(ctx, &str_at(args, 0)?)?))
}

fn filemd5(args: &[Value], ctx: &FunctionContext<'_>) -> CallResult {
    string(hex(&md5_digest(&read_file(ctx, &str_at(args, 0)?)?)))
}

fn filesha1(args: &[Value], ctx: &FunctionContext<'_>) -> CallResult {
    string(hex(&sha1_digest(&read_file(ctx, &str_at(args, 0)?)?)))
}

fn filesha256(args: &[Value], ctx: &FunctionContext<'_>) -> CallResult {
    string(hex(&Sha256::digest(read_file(ctx, &str_at(args, 0)?)?)))
}

fn filesha512(args: &[Value], ctx: &FunctionContext<'_>) -> CallResult {
    string(hex(&Sha512::digest(read_file(ctx, &str_at(args, 0)?)?)))
}

fn filebase64sha256(args: &[Value], ctx: &FunctionContext<'_>) -> CallResult {
    string(base64(&Sha256::digest(read_file(ctx, &str_at(args, 0)?)?)))
}

fn filebase64sha512(args: &[Value], ctx: &FunctionContext<'_>) -> CallResult {
    string(base64(&Sha512::digest(read_file(ctx, &str_at(args, 0)?)?)))
}

/// `fileexists(path)`: whether a regular file exists there (a directory is an error).
fn fileexists(args: &[Value], ctx: &FunctionContext<'_>) -> CallResult {
    let path = str_at(args, 0)?;
    match resolve(ctx, &path)? {
        Resolved::Missing => Ok(Value::Bool(false)),
        Resolved::Exists(real) => match std::fs::metadata(&real) {
            Ok(m) if m.is_file() => Ok(Value::Bool(true)),
            Ok(m) if m.is_dir() => invalid(format!("{path} is a directory, not a file")),
            Ok(_) => invalid(format!("{path} is not a regular file")),
            Err(e) => Err(read_error(&path, &e)),
        },
    }
}

/// Most directory entries `fileset` looks at before giving up (the result is then unknown).
const FILESET_MAX_ENTRIES: usize = 100_000;

/// `fileset(path, pattern)`: the regular files under `path` whose path relative to it matches
/// the glob `pattern` (`*`, `?`, `**`, `[class]`, `{a,b}`), as a sorted set of `/`-separated
/// paths. Only files inside the scan root are listed.
fn fileset(args: &[Value], ctx: &FunctionContext<'_>) -> CallResult {
    let base = str_at(args, 0)?;
    let pattern = str_at(args, 1)?;
    let Some(matcher) = glob_regex(&pattern) else {
        return invalid(format!(
            "failed to glob pattern {pattern:?}: syntax error in pattern"
        ));
    };
    let dir = match resolve(ctx, &base)? {
        Resolved::Exists(dir) if dir.is_dir() => dir,
        // A missing directory matches nothing, as in Terraform.
        _ => return Ok(Value::List(Vec::new())),
    };
    let root = ctx.scan_root.canonicalize().unwrap_or_default();
    let mut found = Vec::new();
    let mut seen_dirs = std::collections::HashSet::from([dir.clone()]);
    let mut pending = vec![(dir, String::new())];
    let mut visited = 0usize;
    while let Some((directory, prefix)) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&directory) else {
            continue;
        };
        for entry in entries.flatten() {
            visited += 1;
            if visited > FILESET_MAX_ENTRIES {
                return Ok(Value::Unknown);
            }
            let name = entry.file_name().to_string_lossy().into_owned();
            let relative = format!("{prefix}{name}");
            // Symbolic links are followed, but never out of the scan root (nor in a loop).
            let Ok(real) = entry.path().canonicalize() else {
                continue;
            };
            if !real.starts_with(&root) {
                continue;
            }
            if real.is_dir() {
                if seen_dirs.insert(real.clone()) {
                    pending.push((real, format!("{relative}/")));
                }
            } else if real.is_file() && matcher.is_match(&relative) {
                found.push(Value::String(relative));
            }
        }
    }
    found.sort_by(|a, b| a.as_str().cmp(&b.as_str()));
    Ok(Value::List(found))
}

/// A doublestar glob (what `fileset` takes) as an anchored regular expression.
fn glob_regex(pattern: &str) -> Option<regex::Regex> {
    let mut out = String::from("^");
    let chars: Vec<char> = pattern.chars().collect();
    let mut i = 0;
    let mut alternatives = 0usize;
    while let Some(&c) = chars.get(i) {
        match c {
            '*' if chars.get(i + 1) == Some(&'*') => {
                let at_start = i == 0 || chars.get(i - 1) == Some(&'/');
                let slash_after = chars.get(i + 2) == Some(&'/');
                if at_start && slash_after {
                    out.push_str("(?:.*/)?");
                    i += 3;
                    continue;
                }
                out.push_str(".*");
                i += 2;
                continue;
            }
            '*' => out.push_str("[^/]*"),
            '?' => out.push_str("[^/]"),
            '[' => {
                let close =
                    (i + 1..chars.len()).find(|&j| chars.get(j) == Some(&']') && j > i + 1)?;
                out.push('[');
                let mut class: String = chars.get(i + 1..close)?.iter().collect();
                if let Some(rest) = class.strip_prefix('!') {
                    class = format!("^{rest}");
                }
                out.push_str(&class.replace('[', "\\["));
                out.push(']');
                i = close;
            }
            '{' => {
                alternatives += 1;
                out.push_str("(?:");
            }
            ',' if alternatives > 0 => out.push('|'),
            '}' if alternatives > 0 => {
                alternatives -= 1;
                out.push(')');
            }
            '\\' => {
                i += 1;
                out.push_str(&regex::escape(&chars.get(i)?.to_string()));
            }
            c => out.push_str(&regex::escape(&c.to_string())),
        }
        i += 1;
    }
    if alternatives > 0 {
        return None;
    }
    out.push('$');
    regex::Regex::new(&out).ok()
}

/// `templatefile(path, vars)`: the file rendered as a template with the given variables.
fn templatefile(args: &[Value], ctx: &FunctionContext<'_>) -> CallResult {
    let path = str_at(args, 0)?;
    let vars = match arg(args, 1) {
        Value::Object(vars) => vars,
        _ => return invalid("invalid vars value: must be a map"),
    };
    if let Some(bad) = vars.keys().find(|name| !valid_identifier(name)) {
        return invalid(format!(
            "invalid template variable name {bad:?}: must start with a letter, followed by \
             zero or more letters, digits, and underscores"
        ));
    }
    let text = read_text(ctx, &path)?;
    (ctx.render_template)(&text, vars).map_err(CallError::Invalid)
}

/// `templatestring(template, vars)`: a template held in a string, rendered like
/// `templatefile` (Terraform requires the template argument to be a reference, which the
/// evaluator has already resolved). The result must convert to a string.
fn templatestring(args: &[Value], ctx: &FunctionContext<'_>) -> CallResult {
    let template = match arg(args, 0) {
        Value::String(template) => template,
        _ => return invalid("invalid template value: a string is required"),
    };
    let vars = match arg(args, 1) {
        Value::Object(vars) => vars,
        _ => return invalid("invalid vars value: must be a map"),
    };
    if let Some(bad) = vars.keys().find(|name| !valid_identifier(name)) {
        return invalid(format!(
            "invalid template variable name {bad:?}: must start with a letter, followed by \
             zero or more letters, digits, and underscores"
        ));
    }
    match (ctx.render_template)(template, vars).map_err(CallError::Invalid)? {
        Value::Null => invalid("the result of the template is null"),
        Value::Unknown => Ok(Value::Unknown),
        result @ (Value::List(_) | Value::Object(_)) => invalid(format!(
            "invalid template result: string required, got {}",
            result.type_name()
        )),
        result => string(str_of(&result)?),
    }
}

/// An HCL identifier: a letter or underscore, then letters, digits, underscores, dashes.
fn valid_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_alphabetic() || c == '_')
        && chars.all(|c| c.is_alphanumeric() || c == '_' || c == '-')
}

/// `basename(path)`: Go's `filepath.Base`.
fn basename(args: &[Value]) -> CallResult {
    let path = str_at(args, 0)?;
    if path.is_empty() {
        return string(".");
    }
    let trimmed = path.trim_end_matches('/');
    if trimmed.is_empty() {
        return string("/");
    }
    string(trimmed.rsplit('/').next().unwrap_or(trimmed))
}

/// `dirname(path)`: Go's `filepath.Dir`.
fn dirname(args: &[Value]) -> CallResult {
    let path = str_at(args, 0)?;
    let dir = path.rfind('/').map_or("", |i| path.get(..=i).unwrap_or(""));
    string(go_clean(dir))
}

/// Go's `path.Clean`.
fn go_clean(path: &str) -> String {
    if path.is_empty() {
        return ".".to_string();
    }
    let rooted = path.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                if parts.last().is_some_and(|p| *p != "..") {
                    parts.pop();
                } else if !rooted {
                    parts.push("..");
                }
            }
            other => parts.push(other),
        }
    }
    let joined = parts.join("/");
    match (rooted, joined.is_empty()) {
        (true, _) => format!("/{joined}"),
        (false, true) => ".".to_string(),
        (false, false) => joined,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(text: &str) -> Value {
        Value::String(text.to_string())
    }

    fn n(number: f64) -> Value {
        Value::Number(number)
    }

    fn list(items: Vec<Value>) -> Value {
        Value::List(items)
    }

    fn strs(items: &[&str]) -> Value {
        list(items.iter().map(|t| s(t)).collect())
    }

    fn nums(items: &[f64]) -> Value {
        list(items.iter().map(|x| n(*x)).collect())
    }

    fn obj(pairs: &[(&str, Value)]) -> Value {
        Value::Object(
            pairs
                .iter()
                .map(|(k, v)| ((*k).to_string(), v.clone()))
                .collect(),
        )
    }

    const U: Value = Value::Unknown;

    fn no_templates(_: &str, _: &BTreeMap<String, Value>) -> Result<Value, String> {
        Err("no templates here".to_string())
    }

    fn run(name: &str, args: Vec<Value>) -> Result<Value, CallError> {
        let nowhere = Path::new("/nonexistent-tenet-test-dir");
        let ctx = FunctionContext {
            module_dir: nowhere,
            scan_root: nowhere,
            render_template: &no_templates,
        };
        call(name, args, &ctx)
    }

    #[track_caller]
    fn ok(name: &str, args: Vec<Value>) -> Value {
        match run(name, args) {
            Ok(value) => value,
            Err(e) => panic!("{name}: unexpected error {e:?}"),
        }
    }

    #[track_caller]
    fn fails(name: &str, args: Vec<Value>) -> String {
        match run(name, args) {
            Err(CallError::Invalid(message)) => message,
            other => panic!("{name}: expected Invalid, got {other:?}"),
        }
    }

    // --- dispatch -----------------------------------------------------------------------------

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

    // --- collections --------------------------------------------------------------------------

    #[test]
    fn length_counts_characters_elements_and_attributes() {
        assert_eq!(ok("length", vec![s("hello")]), n(5.0));
        assert_eq!(ok("length", vec![s("héllo")]), n(5.0));
        assert_eq!(ok("length", vec![s("🇺🇸👍🏽e\u{301}")]), n(3.0));
        assert_eq!(ok("length", vec![strs(&["a", "b"])]), n(2.0));
        assert_eq!(ok("length", vec![obj(&[("a", n(1.0))])]), n(1.0));
        fails("length", vec![n(5.0)]);
        fails("length", vec![Value::Null]);
    }

    #[test]
    fn keys_values_lookup() {
        let m = obj(&[("b", n(2.0)), ("a", n(1.0)), ("c", n(3.0))]);
        assert_eq!(ok("keys", vec![m.clone()]), strs(&["a", "b", "c"]));
        assert_eq!(ok("values", vec![m.clone()]), nums(&[1.0, 2.0, 3.0]));
        assert_eq!(ok("lookup", vec![m.clone(), s("a")]), n(1.0));
        assert_eq!(
            ok("lookup", vec![m.clone(), s("z"), s("what?")]),
            s("what?")
        );
        assert_eq!(
            fails("lookup", vec![m, s("z")]),
            "lookup failed to find key z"
        );
        fails("keys", vec![Value::Null]);
        fails("keys", vec![strs(&["a"])]);
        fails("values", vec![strs(&["a"])]);
    }

    #[test]
    fn element_index_contains_one() {
        let abc = strs(&["a", "b", "c"]);
        assert_eq!(ok("element", vec![abc.clone(), n(1.0)]), s("b"));
        assert_eq!(ok("element", vec![abc.clone(), n(3.0)]), s("a"));
        assert_eq!(ok("element", vec![abc.clone(), n(-1.0)]), s("c"));
        fails("element", vec![list(vec![]), n(0.0)]);
        fails("element", vec![abc.clone(), n(1.5)]);
        assert_eq!(ok("index", vec![abc.clone(), s("b")]), n(1.0));
        fails("index", vec![abc.clone(), s("z")]);
        fails("index", vec![nums(&[1.0]), s("1")]);
        assert_eq!(ok("contains", vec![abc.clone(), s("c")]), Value::Bool(true));
        assert_eq!(ok("contains", vec![abc, s("d")]), Value::Bool(false));
        assert_eq!(ok("one", vec![list(vec![])]), Value::Null);
        assert_eq!(ok("one", vec![strs(&["hello"])]), s("hello"));
        fails("one", vec![strs(&["hello", "goodbye"])]);
    }

    #[test]
    fn merge_concat_flatten() {
        assert_eq!(
            ok(
                "merge",
                vec![
                    obj(&[("a", s("b")), ("c", s("d"))]),
                    Value::Null,
                    obj(&[("e", s("f")), ("c", s("z"))]),
                ]
            ),
            obj(&[("a", s("b")), ("c", s("z")), ("e", s("f"))])
        );
        assert_eq!(ok("merge", vec![]), obj(&[]));
        fails("merge", vec![strs(&["a"])]);
        assert_eq!(
            ok("concat", vec![strs(&["a", ""]), strs(&["b", "c"])]),
            strs(&["a", "", "b", "c"])
        );
        fails("concat", vec![s("a")]);
        assert_eq!(
            ok(
                "flatten",
                vec![list(vec![
                    strs(&["a", "b"]),
                    list(vec![]),
                    list(vec![s("c"), list(vec![s("d")])]),
                    obj(&[("k", n(1.0))]),
                ])]
            ),
            list(vec![s("a"), s("b"), s("c"), s("d"), obj(&[("k", n(1.0))])])
        );
    }

    #[test]
    fn distinct_compact_coalesce() {
        assert_eq!(
            ok("distinct", vec![strs(&["a", "b", "a", "c", "d", "b"])]),
            strs(&["a", "b", "c", "d"])
        );
        assert_eq!(
            ok(
                "compact",
                vec![list(vec![s("a"), s(""), Value::Null, n(1.0), s("c")])]
            ),
            strs(&["a", "1", "c"])
        );
        assert_eq!(ok("coalesce", vec![s("a"), s("b")]), s("a"));
        assert_eq!(ok("coalesce", vec![s(""), s("b")]), s("b"));
        assert_eq!(ok("coalesce", vec![n(1.0), n(2.0)]), n(1.0));
        assert_eq!(ok("coalesce", vec![Value::Null, n(1.0), s("a")]), s("1"));
        fails("coalesce", vec![Value::Null, s("")]);
        fails("coalesce", vec![n(1.0), Value::Bool(true)]);
        assert_eq!(
            ok("coalescelist", vec![strs(&["a", "b"]), strs(&["c", "d"])]),
            strs(&["a", "b"])
        );
        assert_eq!(
            ok("coalescelist", vec![list(vec![]), strs(&["c", "d"])]),
            strs(&["c", "d"])
        );
        fails("coalescelist", vec![list(vec![]), list(vec![])]);
    }

    #[test]
    fn zipmap_slice_reverse_sort_chunklist() {
        assert_eq!(
            ok("zipmap", vec![strs(&["a", "b"]), nums(&[1.0, 2.0])]),
            obj(&[("a", n(1.0)), ("b", n(2.0))])
        );
        fails("zipmap", vec![strs(&["a"]), nums(&[1.0, 2.0])]);
        assert_eq!(
            ok("slice", vec![strs(&["a", "b", "c", "d"]), n(1.0), n(3.0)]),
            strs(&["b", "c"])
        );
        fails("slice", vec![strs(&["a"]), n(0.0), n(2.0)]);
        fails("slice", vec![strs(&["a", "b"]), n(2.0), n(1.0)]);
        assert_eq!(
            ok("reverse", vec![nums(&[1.0, 2.0, 3.0])]),
            nums(&[3.0, 2.0, 1.0])
        );
        assert_eq!(
            ok("sort", vec![strs(&["e", "d", "a", "x"])]),
            strs(&["a", "d", "e", "x"])
        );
        assert_eq!(
            ok("sort", vec![nums(&[3.0, 10.0, 1.0])]),
            strs(&["1", "10", "3"])
        );
        assert_eq!(
            ok("chunklist", vec![strs(&["a", "b", "c", "d", "e"]), n(2.0)]),
            list(vec![strs(&["a", "b"]), strs(&["c", "d"]), strs(&["e"])])
        );
        assert_eq!(
            ok("chunklist", vec![strs(&["a", "b"]), n(0.0)]),
            list(vec![strs(&["a", "b"])])
        );
        fails("chunklist", vec![strs(&["a"]), n(-1.0)]);
    }

    #[test]
    fn transpose_matchkeys_sum_alltrue() {
        assert_eq!(
            ok(
                "transpose",
                vec![obj(&[("a", strs(&["1", "2"])), ("b", strs(&["2", "3"]))])]
            ),
            obj(&[
                ("1", strs(&["a"])),
                ("2", strs(&["a", "b"])),
                ("3", strs(&["b"]))
            ])
        );
        assert_eq!(
            ok(
                "matchkeys",
                vec![
                    strs(&["i-123", "i-abc", "i-def"]),
                    strs(&["us-west", "us-east", "us-east"]),
                    strs(&["us-east"])
                ]
            ),
            strs(&["i-abc", "i-def"])
        );
        assert_eq!(
            ok(
                "matchkeys",
                vec![strs(&["a", "b"]), nums(&[1.0, 2.0]), strs(&["2"])]
            ),
            strs(&["b"])
        );
        assert_eq!(ok("sum", vec![nums(&[10.0, 13.0, 6.0, 4.5])]), n(33.5));
        fails("sum", vec![list(vec![])]);
        assert_eq!(
            ok("alltrue", vec![list(vec![s("true"), Value::Bool(true)])]),
            Value::Bool(true)
        );
        assert_eq!(ok("alltrue", vec![list(vec![])]), Value::Bool(true));
        assert_eq!(
            ok("anytrue", vec![list(vec![s("false"), Value::Bool(true)])]),
            Value::Bool(true)
        );
        assert_eq!(ok("anytrue", vec![list(vec![])]), Value::Bool(false));
    }

    #[test]
    fn set_functions() {
        assert_eq!(
            ok("toset", vec![strs(&["c", "b", "b", "a"])]),
            strs(&["a", "b", "c"])
        );
        assert_eq!(
            ok("toset", vec![list(vec![s("a"), n(1.0)])]),
            strs(&["1", "a"])
        );
        assert_eq!(
            ok("toset", vec![nums(&[10.0, 2.0, 10.0])]),
            nums(&[2.0, 10.0])
        );
        assert_eq!(
            ok(
                "setunion",
                vec![strs(&["a", "b"]), strs(&["b", "c"]), strs(&["d"])]
            ),
            strs(&["a", "b", "c", "d"])
        );
        assert_eq!(
            ok(
                "setintersection",
                vec![strs(&["a", "b"]), strs(&["b", "c"]), strs(&["b", "d"])]
            ),
            strs(&["b"])
        );
        assert_eq!(
            ok(
                "setsubtract",
                vec![strs(&["a", "b", "c"]), strs(&["a", "c"])]
            ),
            strs(&["b"])
        );
        assert_eq!(
            ok(
                "setproduct",
                vec![strs(&["development", "staging"]), strs(&["app1", "app2"])]
            ),
            list(vec![
                strs(&["development", "app1"]),
                strs(&["development", "app2"]),
                strs(&["staging", "app1"]),
                strs(&["staging", "app2"]),
            ])
        );
        assert_eq!(
            ok("setproduct", vec![strs(&["a"]), list(vec![])]),
            list(vec![])
        );
        fails("setproduct", vec![strs(&["a"])]);
    }

    #[test]
    fn type_conversions() {
        assert_eq!(ok("tostring", vec![n(1.5)]), s("1.5"));
        assert_eq!(ok("tostring", vec![Value::Bool(true)]), s("true"));
        assert_eq!(ok("tostring", vec![Value::Null]), Value::Null);
        fails("tostring", vec![strs(&["a"])]);
        assert_eq!(ok("tonumber", vec![s("1")]), n(1.0));
        assert_eq!(ok("tonumber", vec![s("-2.5e1")]), n(-25.0));
        fails("tonumber", vec![s("no")]);
        fails("tonumber", vec![s(" 1")]);
        fails("tonumber", vec![s("0x10")]);
        assert_eq!(ok("tobool", vec![s("true")]), Value::Bool(true));
        fails("tobool", vec![s("yes")]);
        fails("tobool", vec![n(1.0)]);
        assert_eq!(
            ok("tolist", vec![list(vec![s("a"), n(1.0)])]),
            strs(&["a", "1"])
        );
        fails("tolist", vec![list(vec![n(1.0), Value::Bool(true)])]);
        assert_eq!(
            ok(
                "tomap",
                vec![obj(&[("a", s("foo")), ("b", Value::Bool(true))])]
            ),
            obj(&[("a", s("foo")), ("b", s("true"))])
        );
        fails("tomap", vec![strs(&["a"])]);
    }

    // --- numbers ------------------------------------------------------------------------------

    #[test]
    fn numeric_functions() {
        assert_eq!(ok("abs", vec![n(-12.4)]), n(12.4));
        assert_eq!(ok("ceil", vec![n(5.1)]), n(6.0));
        assert_eq!(ok("floor", vec![n(4.9)]), n(4.0));
        assert_eq!(ok("log", vec![n(16.0), n(2.0)]), n(4.0));
        assert_eq!(ok("pow", vec![n(3.0), n(2.0)]), n(9.0));
        assert_eq!(ok("max", vec![n(12.0), n(54.0), n(3.0)]), n(54.0));
        assert_eq!(ok("min", vec![n(12.0), s("54"), n(3.0)]), n(3.0));
        assert_eq!(ok("signum", vec![n(-13.0)]), n(-1.0));
        assert_eq!(ok("signum", vec![n(0.0)]), n(0.0));
        fails("signum", vec![n(0.5)]);
        assert_eq!(ok("parseint", vec![s("100"), n(10.0)]), n(100.0));
        assert_eq!(ok("parseint", vec![s("FF"), n(16.0)]), n(255.0));
        assert_eq!(ok("parseint", vec![s("-10"), n(16.0)]), n(-16.0));
        assert_eq!(
            ok("parseint", vec![s("1011111011101111"), n(2.0)]),
            n(48879.0)
        );
        assert_eq!(ok("parseint", vec![s("aA"), n(62.0)]), n(656.0));
        fails("parseint", vec![s("12"), n(2.0)]);
        fails("parseint", vec![n(12.0), n(10.0)]);
        fails("parseint", vec![s("1"), n(63.0)]);
    }

    #[test]
    fn range_follows_terraform() {
        assert_eq!(ok("range", vec![n(3.0)]), nums(&[0.0, 1.0, 2.0]));
        assert_eq!(ok("range", vec![n(1.0), n(4.0)]), nums(&[1.0, 2.0, 3.0]));
        assert_eq!(
            ok("range", vec![n(1.0), n(8.0), n(2.0)]),
            nums(&[1.0, 3.0, 5.0, 7.0])
        );
        assert_eq!(
            ok("range", vec![n(1.0), n(4.0), n(0.5)]),
            nums(&[1.0, 1.5, 2.0, 2.5, 3.0, 3.5])
        );
        assert_eq!(ok("range", vec![n(4.0), n(1.0)]), nums(&[4.0, 3.0, 2.0]));
        assert_eq!(
            ok("range", vec![n(10.0), n(5.0), n(-2.0)]),
            nums(&[10.0, 8.0, 6.0])
        );
        assert_eq!(ok("range", vec![n(-3.0)]), nums(&[0.0, -1.0, -2.0]));
        assert_eq!(
            ok("range", vec![n(0.0), n(0.35), n(0.1)]),
            nums(&[0.0, 0.1, 0.2, 0.3])
        );
        assert_eq!(ok("range", vec![n(0.0)]), list(vec![]));
        fails("range", vec![n(1.0), n(4.0), n(0.0)]);
        fails("range", vec![n(1.0), n(4.0), n(-1.0)]);
        fails("range", vec![n(2000.0)]);
        fails("range", vec![s("x")]);
    }

    // --- strings ------------------------------------------------------------------------------

    #[test]
    fn simple_string_functions() {
        assert_eq!(ok("upper", vec![s("hello")]), s("HELLO"));
        assert_eq!(ok("upper", vec![s("алло!")]), s("АЛЛО!"));
        assert_eq!(ok("upper", vec![s("straße")]), s("STRAßE"));
        assert_eq!(ok("lower", vec![s("HELLO")]), s("hello"));
        assert_eq!(ok("title", vec![s("hello world")]), s("Hello World"));
        assert_eq!(
            ok("title", vec![s("don't-stop me_now")]),
            s("Don'T-Stop Me_now")
        );
        assert_eq!(ok("trimspace", vec![s("  hello\n\n")]), s("hello"));
        assert_eq!(ok("trim", vec![s("?!hello?!"), s("!?")]), s("hello"));
        assert_eq!(
            ok("trimprefix", vec![s("helloworld"), s("hello")]),
            s("world")
        );
        assert_eq!(
            ok("trimprefix", vec![s("helloworld"), s("cat")]),
            s("helloworld")
        );
        assert_eq!(
            ok("trimsuffix", vec![s("helloworld"), s("world")]),
            s("hello")
        );
        assert_eq!(
            ok("startswith", vec![s("hello world"), s("hello")]),
            Value::Bool(true)
        );
        assert_eq!(
            ok("endswith", vec![s("hello world"), s("hello")]),
            Value::Bool(false)
        );
        assert_eq!(
            ok("strcontains", vec![s("hello world"), s("o w")]),
            Value::Bool(true)
        );
        assert_eq!(ok("strrev", vec![s("hello")]), s("olleh"));
        assert_eq!(ok("strrev", vec![s("a☃e\u{301}")]), s("e\u{301}☃a"));
        assert_eq!(ok("chomp", vec![s("hello\n")]), s("hello"));
        assert_eq!(ok("chomp", vec![s("hello\r\n")]), s("hello"));
        assert_eq!(ok("chomp", vec![s("hello\n\n")]), s("hello"));
        assert_eq!(
            ok("indent", vec![n(2.0), s("[\n  foo,\n  bar,\n]\n")]),
            s("[\n    foo,\n    bar,\n  ]\n  ")
        );
        assert_eq!(ok("upper", vec![n(5.0)]), s("5"));
        fails("upper", vec![Value::Null]);
        fails("upper", vec![strs(&["a"])]);
    }

    #[test]
    fn split_join_replace() {
        assert_eq!(
            ok("split", vec![s(","), s("foo,bar,baz")]),
            strs(&["foo", "bar", "baz"])
        );
        assert_eq!(ok("split", vec![s(","), s("foo")]), strs(&["foo"]));
        assert_eq!(ok("split", vec![s(","), s("")]), strs(&[""]));
        assert_eq!(ok("split", vec![s(""), s("ab")]), strs(&["a", "b"]));
        assert_eq!(
            ok("join", vec![s(", "), strs(&["foo", "bar", "baz"])]),
            s("foo, bar, baz")
        );
        assert_eq!(
            ok("join", vec![s("-"), strs(&["a"]), nums(&[1.0])]),
            s("a-1")
        );
        fails("join", vec![s(","), list(vec![s("a"), Value::Null])]);
        assert_eq!(
            ok("replace", vec![s("1 + 2 + 3"), s("+"), s("-")]),
            s("1 - 2 - 3")
        );
        assert_eq!(
            ok(
                "replace",
                vec![s("hello world"), s("/w.*d/"), s("everybody")]
            ),
            s("hello everybody")
        );
        assert_eq!(
            ok(
                "replace",
                vec![s("hello world"), s("/(\\w+) (\\w+)/"), s("$2 $1")]
            ),
            s("world hello")
        );
        fails("replace", vec![s("x"), s("/(/"), s("y")]);
    }

    #[test]
    fn substr_counts_graphemes() {
        assert_eq!(
            ok("substr", vec![s("hello world"), n(1.0), n(4.0)]),
            s("ello")
        );
        assert_eq!(ok("substr", vec![s("🤔🤷"), n(0.0), n(1.0)]), s("🤔"));
        assert_eq!(
            ok("substr", vec![s("hello world"), n(-5.0), n(-1.0)]),
            s("world")
        );
        assert_eq!(
            ok("substr", vec![s("hello world"), n(6.0), n(10.0)]),
            s("world")
        );
        assert_eq!(ok("substr", vec![s("hello"), n(5.0), n(1.0)]), s(""));
        assert_eq!(ok("substr", vec![s("hello"), n(1.0), n(0.0)]), s(""));
        assert_eq!(ok("substr", vec![s("hello"), n(-3.0), n(0.0)]), s("llo"));
        fails("substr", vec![s("hello"), n(0.5), n(1.0)]);
    }

    #[test]
    fn format_verbs() {
        let f = |spec: &str, args: Vec<Value>| {
            let mut all = vec![s(spec)];
            all.extend(args);
            ok("format", all)
        };
        assert_eq!(f("Hello, %s!", vec![s("Ander")]), s("Hello, Ander!"));
        assert_eq!(
            f("There are %d lights", vec![n(4.0)]),
            s("There are 4 lights")
        );
        assert_eq!(f("%s", vec![n(1.5)]), s("1.5"));
        assert_eq!(f("%v", vec![n(1234567.0)]), s("1.234567e+06"));
        assert_eq!(f("%v %v", vec![n(42.0), Value::Bool(true)]), s("42 true"));
        assert_eq!(f("%v", vec![Value::Null]), s("null"));
        assert_eq!(
            f("%#v", vec![obj(&[("b", n(1.0)), ("a", s("<"))])]),
            s(r#"{"a":"\u003c","b":1}"#)
        );
        assert_eq!(f("%#v", vec![s("x")]), s("\"x\""));
        assert_eq!(f("%q", vec![s("a\"b")]), s("\"a\\\"b\""));
        assert_eq!(f("%t", vec![s("true")]), s("true"));
        assert_eq!(f("%5.2f|", vec![n(3.25159)]), s(" 3.25|"));
        assert_eq!(f("%05.1f", vec![n(-3.25159)]), s("-03.3"));
        assert_eq!(f("%f", vec![n(1.0)]), s("1.000000"));
        assert_eq!(f("%.0f", vec![n(2.5)]), s("2"));
        assert_eq!(f("%e", vec![n(1234.5678)]), s("1.234568e+03"));
        assert_eq!(f("%.2E", vec![n(0.000123)]), s("1.23E-04"));
        assert_eq!(f("%g", vec![n(100000.0)]), s("100000"));
        assert_eq!(f("%g", vec![n(0.00001)]), s("1e-05"));
        assert_eq!(f("%.3g", vec![n(3.25159)]), s("3.25"));
        assert_eq!(
            f("%x %X %o %b", vec![n(255.0), n(255.0), n(8.0), n(5.0)]),
            s("ff FF 10 101")
        );
        assert_eq!(f("%#x %#o", vec![n(255.0), n(8.0)]), s("0xff 010"));
        assert_eq!(
            f("%+d % d %05d %-4d|", vec![n(3.0), n(3.0), n(-42.0), n(7.0)]),
            s("+3  3 -0042 7   |")
        );
        assert_eq!(f("%.3d", vec![n(7.0)]), s("007"));
        assert_eq!(
            f("%-5s|%5s|%05s", vec![s("a"), s("b"), s("c")]),
            s("a    |    b|0000c")
        );
        assert_eq!(f("%.2s", vec![s("héllo")]), s("hé"));
        assert_eq!(f("100%%", vec![]), s("100%"));
        assert_eq!(
            f("%v %g %G", vec![n(0.1), n(1e21), n(1e-7)]),
            s("0.1 1e+21 1E-07")
        );
        assert_eq!(f("%e|%.0e", vec![n(0.0), n(5.0)]), s("0.000000e+00|5e+00"));
        assert_eq!(f("%x|%.0d|", vec![n(-255.0), n(0.0)]), s("-ff||"));
        assert_eq!(
            f("%08.3f %+.2e", vec![n(-3.5), n(12345.0)]),
            s("-003.500 +1.23e+04")
        );
        assert_eq!(f("%[2]s %[1]s %s", vec![s("a"), s("b")]), s("b a b"));
        let e = |spec: &str, args: Vec<Value>| {
            let mut all = vec![s(spec)];
            all.extend(args);
            fails("format", all)
        };
        assert!(e("%d", vec![n(1.5)]).contains("an integer is required"));
        assert!(e("%s", vec![]).contains("not enough arguments"));
        assert!(e("%s", vec![s("a"), s("b")]).contains("too many arguments"));
        assert!(e("hi", vec![s("a")]).contains("no verbs"));
        assert!(e("%s", vec![Value::Null]).contains("null value cannot be formatted"));
        assert!(e("%s", vec![strs(&["a"])]).contains("unsupported value"));
        assert!(e("%y", vec![s("a")]).contains("unsupported format verb"));
        assert!(e("50%", vec![]).contains("invalid format string"));
        assert!(e("%!", vec![]).contains("unrecognized format character"));
    }

    #[test]
    fn formatlist_iterates_lists() {
        assert_eq!(
            ok(
                "formatlist",
                vec![
                    s("Hello, %s!"),
                    strs(&["Valentina", "Ander", "Olivia", "Sam"])
                ]
            ),
            strs(&[
                "Hello, Valentina!",
                "Hello, Ander!",
                "Hello, Olivia!",
                "Hello, Sam!"
            ])
        );
        assert_eq!(
            ok(
                "formatlist",
                vec![
                    s("%s, %s!"),
                    s("Salutations"),
                    strs(&["Valentina", "Ander"])
                ]
            ),
            strs(&["Salutations, Valentina!", "Salutations, Ander!"])
        );
        assert_eq!(
            ok(
                "formatlist",
                vec![s("%s=%s"), strs(&["a", "b"]), list(vec![n(1.0), U])]
            ),
            list(vec![s("a=1"), U])
        );
        assert_eq!(ok("formatlist", vec![s("x")]), strs(&["x"]));
        assert!(
            fails(
                "formatlist",
                vec![s("%s%s"), strs(&["a"]), strs(&["b", "c"])]
            )
            .contains("inconsistent")
        );
    }

    #[test]
    fn regex_captures() {
        assert_eq!(
            ok(
                "regex",
                vec![s("[a-z]+"), s("53453453.345345aaabbbccc23454")]
            ),
            s("aaabbbccc")
        );
        assert_eq!(
            ok(
                "regex",
                vec![s(r"(\d\d\d\d)-(\d\d)-(\d\d)"), s("2019-02-01")]
            ),
            strs(&["2019", "02", "01"])
        );
        assert_eq!(
            ok(
                "regex",
                vec![
                    s("^(?:(?P<scheme>[^:/?#]+):)?(?://(?P<authority>[^/?#]*))?"),
                    s("https://terraform.io/docs/")
                ]
            ),
            obj(&[("authority", s("terraform.io")), ("scheme", s("https"))])
        );
        assert_eq!(
            ok("regex", vec![s("(a)|(b)"), s("b")]),
            list(vec![Value::Null, s("b")])
        );
        assert!(
            fails("regex", vec![s("[a-z]+"), s("53453453.34534523454")]).contains("did not match")
        );
        assert!(fails("regex", vec![s("(?P<a>x)(y)"), s("xy")]).contains("cannot mix"));
        fails("regex", vec![s("("), s("x")]);
        assert_eq!(
            ok("regexall", vec![s("[a-z]+"), s("1234abcd5678efgh9")]),
            strs(&["abcd", "efgh"])
        );
        assert_eq!(
            ok("regexall", vec![s("[a-z]+"), s("123456789")]),
            list(vec![])
        );
        // Go's \d and \w are ASCII-only; \Q…\E quotes; a stray { is literal.
        assert_eq!(
            ok("regexall", vec![s(r"\d+"), s("12٣4")]),
            strs(&["12", "4"])
        );
        assert_eq!(ok("regex", vec![s(r"\Qa.b\E"), s("xa.by")]), s("a.b"));
        assert_eq!(ok("regex", vec![s("x{y"), s("ax{y")]), s("x{y"));
        assert_eq!(ok("regex", vec![s("[[a]+"), s("b[a[")]), s("[a["));
    }

    // --- encoding -----------------------------------------------------------------------------

    #[test]
    fn jsonencode_matches_go() {
        assert_eq!(
            ok("jsonencode", vec![obj(&[("hello", s("world"))])]),
            s(r#"{"hello":"world"}"#)
        );
        assert_eq!(
            ok(
                "jsonencode",
                vec![obj(&[
                    ("b", nums(&[1.0, 2.5])),
                    ("a", Value::Bool(true)),
                    ("c", Value::Null)
                ])]
            ),
            s(r#"{"a":true,"b":[1,2.5],"c":null}"#)
        );
        assert_eq!(
            ok("jsonencode", vec![s("<a href=\"x\">&\n\t\u{1}\u{2028}é")]),
            s(r#""\u003ca href=\"x\"\u003e\u0026\n\t\u0001\u2028é""#)
        );
        assert_eq!(ok("jsonencode", vec![Value::Null]), s("null"));
        assert_eq!(ok("jsonencode", vec![n(1e21)]), s("1000000000000000000000"));
    }

    #[test]
    fn jsondecode_parses() {
        assert_eq!(
            ok("jsondecode", vec![s(r#"{"hello": "world"}"#)]),
            obj(&[("hello", s("world"))])
        );
        assert_eq!(ok("jsondecode", vec![s("true")]), Value::Bool(true));
        assert_eq!(
            ok("jsondecode", vec![s("[1, null]")]),
            list(vec![n(1.0), Value::Null])
        );
        fails("jsondecode", vec![s("{")]);
    }

    #[test]
    fn yamlencode_matches_terraform() {
        let y = |v: Value| ok("yamlencode", vec![v]);
        assert_eq!(
            y(obj(&[("a", s("b")), ("c", s("d"))])),
            s("\"a\": \"b\"\n\"c\": \"d\"\n")
        );
        assert_eq!(
            y(obj(&[("foo", nums(&[1.0, 2.0, 3.0])), ("bar", s("baz"))])),
            s("\"bar\": \"baz\"\n\"foo\":\n- 1\n- 2\n- 3\n")
        );
        assert_eq!(
            y(obj(&[
                (
                    "foo",
                    list(vec![n(1.0), obj(&[("a", s("b")), ("c", s("d"))]), n(3.0)])
                ),
                ("bar", s("baz"))
            ])),
            s("\"bar\": \"baz\"\n\"foo\":\n- 1\n- \"a\": \"b\"\n  \"c\": \"d\"\n- 3\n")
        );
        assert_eq!(
            y(obj(&[
                ("a", obj(&[("b", Value::Null), ("c", list(vec![]))])),
                ("d", obj(&[]))
            ])),
            s("\"a\":\n  \"b\": null\n  \"c\": []\n\"d\": {}\n")
        );
        assert_eq!(
            y(list(vec![strs(&["a", "b"])])),
            s("- - \"a\"\n  - \"b\"\n")
        );
        assert_eq!(y(n(1.0)), s("1\n...\n"));
        assert_eq!(y(s("foo")), s("\"foo\"\n"));
        assert_eq!(
            y(obj(&[("k", s("line1\nline2"))])),
            s("\"k\": |-\n  line1\n  line2\n")
        );
        assert_eq!(y(s("a\nb\n")), s("|\n  a\n  b\n"));
        assert_eq!(y(s(" x\n")), s("|2\n   x\n"));
        assert_eq!(y(s("tab\there\n")), s("\"tab\\there\\n\"\n"));
        assert_eq!(y(s("emoji 🎉")), s("\"emoji \\U0001F389\"\n"));
        let long = "word ".repeat(20);
        assert_eq!(
            y(obj(&[("k", s(long.trim_end()))])),
            s(&format!(
                "\"k\": \"{}\n  {}\"\n",
                "word ".repeat(16).trim_end(),
                "word ".repeat(4).trim_end()
            ))
        );
        assert_eq!(y(obj(&[("multi\nline", n(1.0))])), U);
    }

    #[test]
    fn yamldecode_resolves_like_terraform() {
        let y = |text: &str| ok("yamldecode", vec![s(text)]);
        assert_eq!(
            y(
                "hello: world\nlist: [1, 2.5, -3]\nflag: yes\no: off\nq: \"yes\"\nnil: ~\nn: 1\nhex: 0x1F\n\
               oct: 0o17\nlead: 0755\nund: 1_000\ndate: 2001-12-14\nyes: 1\ntext: |-\n  a\n  b\n"
            ),
            obj(&[
                ("date", s("2001-12-14T00:00:00Z")),
                ("flag", Value::Bool(true)),
                ("hello", s("world")),
                ("hex", n(31.0)),
                ("lead", n(755.0)),
                ("list", nums(&[1.0, 2.5, -3.0])),
                ("false", n(1.0)),
                ("nil", Value::Null),
                ("o", Value::Bool(false)),
                ("oct", n(15.0)),
                ("q", s("yes")),
                ("text", s("a\nb")),
                ("true", n(1.0)),
                ("und", s("1_000")),
            ])
        );
        assert_eq!(
            y("base: &b {a: 1, b: 2}\nderived:\n  <<: *b\n  b: 3\ny: yes\n"),
            obj(&[
                ("base", obj(&[("a", n(1.0)), ("b", n(2.0))])),
                ("derived", obj(&[("a", n(1.0)), ("b", n(3.0))])),
                ("true", Value::Bool(true))
            ])
        );
        assert_eq!(y(""), Value::Null);
        assert_eq!(y("---\ntrue"), Value::Bool(true));
        assert_eq!(
            y("- !!str 12\n- !!int \"7\"\n- !!float 1"),
            list(vec![s("12"), s("7"), n(1.0)])
        );
        assert_eq!(y("t: 2001-12-14t21:59:43.10-05:00"), U);
        assert_eq!(y("x: .inf"), U);
        fails("yamldecode", vec![s("---\ntrue\n---\nfalse")]);
        fails("yamldecode", vec![s("a: [")]);
        fails("yamldecode", vec![s("~: 1")]);
        fails("yamldecode", vec![s("x: .nan")]);
        fails(
            "yamldecode",
            vec![s(&format!("{}{}", "[".repeat(400), "]".repeat(400)))],
        );
    }

    #[test]
    fn base64_url_hashes_uuid() {
        assert_eq!(
            ok("base64encode", vec![s("Hello World")]),
            s("SGVsbG8gV29ybGQ=")
        );
        assert_eq!(ok("base64encode", vec![s("ab")]), s("YWI="));
        assert_eq!(
            ok("base64decode", vec![s("SGVsbG8gV29ybGQ=")]),
            s("Hello World")
        );
        assert_eq!(ok("base64decode", vec![s("YW\nI=")]), s("ab"));
        fails("base64decode", vec![s("YWI")]);
        fails("base64decode", vec![s("/w==")]);
        assert_eq!(
            ok("urlencode", vec![s("Hello World!")]),
            s("Hello+World%21")
        );
        assert_eq!(ok("urlencode", vec![s("☃")]), s("%E2%98%83"));
        assert_eq!(
            ok("urlencode", vec![s("foo:bar@localhost?foo=bar&bar=baz")]),
            s("foo%3Abar%40localhost%3Ffoo%3Dbar%26bar%3Dbaz")
        );
        assert_eq!(
            ok("md5", vec![s("")]),
            s("d41d8cd98f00b204e9800998ecf8427e")
        );
        assert_eq!(
            ok("md5", vec![s("hello world")]),
            s("5eb63bbbe01eeed093cb22bb8f5acdc3")
        );
        let long = "a".repeat(1000);
        assert_eq!(
            ok("md5", vec![s(&long)]),
            s("cabe45dcc9ae5b66ba86600cca6b8ba8")
        );
        assert_eq!(
            ok("sha1", vec![s("hello world")]),
            s("2aae6c35c94fcfb415dbe95f408b9ce91ee846ed")
        );
        assert_eq!(
            ok("sha1", vec![s(&long)]),
            s("291e9a6c66994949b57ba5e650361e98fc36b1ba")
        );
        assert_eq!(
            ok("sha256", vec![s("hello world")]),
            s("b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9")
        );
        assert_eq!(
            ok("sha512", vec![s("hello world")]),
            s(
                "309ecc489c12d6eb4cc40f50c902f2b4d0ed77ee511a7c7a9bcd3ca86d4cd86f989dd35bc5ff499670da34255b45b0cfd830e81f605dcf7dc5542e93ae9cd76f"
            )
        );
        assert_eq!(
            ok("base64sha256", vec![s("hello world")]),
            s("uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek=")
        );
        assert_eq!(
            ok("uuidv5", vec![s("dns"), s("www.terraform.io")]),
            s("a5008fae-b28c-5ba5-96cd-82b4c53552d6")
        );
        assert_eq!(
            ok("uuidv5", vec![s("url"), s("https://www.terraform.io/")]),
            s("9db6f67c-dd95-5ea0-aa5b-e70e5c5f7cf5")
        );
        assert_eq!(
            ok("uuidv5", vec![s("oid"), s("1.3.6.1.4")]),
            s("af9d40a5-7a36-5c07-b23a-851cd99fbfa5")
        );
        assert_eq!(
            ok("uuidv5", vec![s("x500"), s("CN=Example,C=GB")]),
            s("84e09961-4aa4-57f8-95b7-03edb1073253")
        );
        assert_eq!(
            ok(
                "uuidv5",
                vec![
                    s("6ba7b810-9dad-11d1-80b4-00c04fd430c8"),
                    s("www.terraform.io")
                ]
            ),
            s("a5008fae-b28c-5ba5-96cd-82b4c53552d6")
        );
        fails("uuidv5", vec![s("nope"), s("x")]);
    }

    // --- IP networks --------------------------------------------------------------------------

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

    // --- files --------------------------------------------------------------------------------

    struct Tree {
        _dir: tempfile::TempDir,
        root: PathBuf,
        module: PathBuf,
    }

    /// `<tmp>/root/modules/app/{main.tf,config.json,latin1.bin,big.txt,conf/}` plus
    /// `<tmp>/secret.txt` outside the root, and symlinks escaping the root.
    fn tree() -> Tree {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("root");
        let module = root.join("modules").join("app");
        std::fs::create_dir_all(module.join("conf")).unwrap();
        std::fs::write(module.join("config.json"), "{\"a\": 1}").unwrap();
        std::fs::write(module.join("greeting.tftpl"), "Hello, ${name}!").unwrap();
        std::fs::write(root.join("shared.txt"), "shared").unwrap();
        std::fs::write(module.join("latin1.bin"), [0x63, 0x61, 0x66, 0xe9]).unwrap();
        std::fs::File::create(module.join("big.txt"))
            .unwrap()
            .set_len(MAX_FILE_BYTES + 1)
            .unwrap();
        std::fs::write(dir.path().join("secret.txt"), "secret").unwrap();
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.path().join("secret.txt"), module.join("link.txt"))
                .unwrap();
            std::os::unix::fs::symlink(dir.path(), module.join("up")).unwrap();
        }
        Tree {
            _dir: dir,
            root,
            module,
        }
    }

    fn fake_render(text: &str, vars: &BTreeMap<String, Value>) -> Result<Value, String> {
        let name = vars
            .get("name")
            .and_then(Value::as_str)
            .ok_or("vars map does not contain key \"name\"")?;
        Ok(Value::String(text.replace("${name}", name)))
    }

    fn run_in(t: &Tree, name: &str, args: Vec<Value>) -> Result<Value, CallError> {
        let ctx = FunctionContext {
            module_dir: &t.module,
            scan_root: &t.root,
            render_template: &fake_render,
        };
        call(name, args, &ctx)
    }

    #[test]
    fn csvdecode_reads_rows_as_objects_like_go() {
        let row = |pairs: &[(&str, &str)]| {
            Value::Object(pairs.iter().map(|(k, v)| (k.to_string(), s(v))).collect())
        };
        assert_eq!(
            ok(
                "csvdecode",
                vec![s("name,cidr\r\nweb,\"10.0.0.0/8\"\n\n\"a, \"\"b\"\"\",\n")]
            ),
            Value::List(vec![
                row(&[("name", "web"), ("cidr", "10.0.0.0/8")]),
                row(&[("name", "a, \"b\""), ("cidr", "")]),
            ])
        );
        assert_eq!(ok("csvdecode", vec![s("only,header")]), Value::List(vec![]));
        fails("csvdecode", vec![s("")]);
        fails("csvdecode", vec![s("a,b\n1\n")]);
        fails("csvdecode", vec![s("a\nx\"y\n")]);
        fails("csvdecode", vec![s("a\n\"x\n")]);
    }

    #[test]
    fn fileset_globs_files_inside_the_root_only() {
        let t = tree();
        std::fs::write(t.module.join("conf").join("a.json"), "{}").unwrap();
        std::fs::create_dir_all(t.module.join("conf").join("deep")).unwrap();
        std::fs::write(t.module.join("conf").join("deep").join("b.json"), "{}").unwrap();
        let names = |v: Vec<&str>| Ok(Value::List(v.into_iter().map(s).collect()));
        assert_eq!(
            run_in(&t, "fileset", vec![s("."), s("*.json")]),
            names(vec!["config.json"])
        );
        assert_eq!(
            run_in(&t, "fileset", vec![s("."), s("**/*.json")]),
            names(vec!["conf/a.json", "conf/deep/b.json", "config.json"])
        );
        assert_eq!(
            run_in(&t, "fileset", vec![s("conf"), s("{a,deep/b}.[j]son")]),
            names(vec!["a.json", "deep/b.json"])
        );
        // `up` links outside the root and `link.txt` to a file outside it: never listed.
        assert_eq!(
            run_in(&t, "fileset", vec![s("."), s("**/secret.txt")]),
            names(vec![])
        );
        assert_eq!(
            run_in(&t, "fileset", vec![s("."), s("link.txt")]),
            names(vec![])
        );
        assert_eq!(
            run_in(&t, "fileset", vec![s("missing"), s("*")]),
            names(vec![])
        );
        assert!(matches!(
            run_in(&t, "fileset", vec![s("."), s("{a,b")]),
            Err(CallError::Invalid(_))
        ));
        assert!(matches!(
            run_in(&t, "fileset", vec![s("../../.."), s("*")]),
            Err(CallError::OutsideRoot(_))
        ));
    }

    #[test]
    fn file_reads_inside_the_root_only() {
        let t = tree();
        assert_eq!(
            run_in(&t, "file", vec![s("config.json")]),
            Ok(s("{\"a\": 1}"))
        );
        assert_eq!(
            run_in(&t, "file", vec![s("../../shared.txt")]),
            Ok(s("shared"))
        );
        assert_eq!(
            run_in(&t, "file", vec![s("./conf/../config.json")]),
            Ok(s("{\"a\": 1}"))
        );
        let absolute = t.module.join("config.json").to_string_lossy().into_owned();
        assert_eq!(run_in(&t, "file", vec![s(&absolute)]), Ok(s("{\"a\": 1}")));
        for outside in ["../../../secret.txt", "/etc/passwd", "~/.ssh/id_rsa"] {
            assert_eq!(
                run_in(&t, "file", vec![s(outside)]),
                Err(CallError::OutsideRoot(outside.to_string())),
                "{outside}"
            );
        }
        #[cfg(unix)]
        {
            assert_eq!(
                run_in(&t, "file", vec![s("link.txt")]),
                Err(CallError::OutsideRoot("link.txt".into()))
            );
            assert_eq!(
                run_in(&t, "file", vec![s("up/secret.txt")]),
                Err(CallError::OutsideRoot("up/secret.txt".into()))
            );
        }
        assert!(
            matches!(run_in(&t, "file", vec![s("missing.txt")]), Err(CallError::Invalid(m)) if m.contains("no file exists"))
        );
        assert!(
            matches!(run_in(&t, "file", vec![s("latin1.bin")]), Err(CallError::Invalid(m)) if m.contains("not valid UTF-8"))
        );
        assert!(
            matches!(run_in(&t, "file", vec![s("big.txt")]), Err(CallError::Invalid(m)) if m.contains("larger than"))
        );
        assert!(matches!(
            run_in(&t, "file", vec![s("conf")]),
            Err(CallError::Invalid(_))
        ));
        assert_eq!(
            run_in(&t, "filebase64", vec![s("latin1.bin")]),
            Ok(s("Y2Fm6Q=="))
        );
        assert_eq!(
            run_in(&t, "filemd5", vec![s("config.json")]),
            ok("md5", vec![s("{\"a\": 1}")]).pipe(Ok)
        );
        assert_eq!(
            run_in(&t, "filesha256", vec![s("config.json")]),
            ok("sha256", vec![s("{\"a\": 1}")]).pipe(Ok)
        );
        assert_eq!(run_in(&t, "file", vec![U]), Ok(U));
    }

    trait Pipe: Sized {
        fn pipe<T>(self, f: impl FnOnce(Self) -> T) -> T {
            f(self)
        }
    }
    impl Pipe for Value {}

    #[test]
    fn fileexists_checks_inside_the_root_only() {
        let t = tree();
        assert_eq!(
            run_in(&t, "fileexists", vec![s("config.json")]),
            Ok(Value::Bool(true))
        );
        assert_eq!(
            run_in(&t, "fileexists", vec![s("nope.txt")]),
            Ok(Value::Bool(false))
        );
        assert_eq!(
            run_in(&t, "fileexists", vec![s("no/such/dir.txt")]),
            Ok(Value::Bool(false))
        );
        assert!(matches!(
            run_in(&t, "fileexists", vec![s("conf")]),
            Err(CallError::Invalid(_))
        ));
        assert_eq!(
            run_in(&t, "fileexists", vec![s("../../../secret.txt")]),
            Err(CallError::OutsideRoot("../../../secret.txt".into()))
        );
        assert_eq!(
            run_in(&t, "fileexists", vec![s("../../../nothing-here.txt")]),
            Err(CallError::OutsideRoot("../../../nothing-here.txt".into()))
        );
    }

    #[test]
    fn templatefile_renders_through_the_evaluator() {
        let t = tree();
        assert_eq!(
            run_in(
                &t,
                "templatefile",
                vec![s("greeting.tftpl"), obj(&[("name", s("Ander"))])]
            ),
            Ok(s("Hello, Ander!"))
        );
        assert!(matches!(
            run_in(&t, "templatefile", vec![s("greeting.tftpl"), obj(&[])]),
            Err(CallError::Invalid(m)) if m.contains("does not contain key")
        ));
        assert!(matches!(
            run_in(&t, "templatefile", vec![s("greeting.tftpl"), obj(&[("bad name", s("x"))])]),
            Err(CallError::Invalid(m)) if m.contains("invalid template variable name")
        ));
        assert!(matches!(
            run_in(&t, "templatefile", vec![s("greeting.tftpl"), strs(&["x"])]),
            Err(CallError::Invalid(_))
        ));
        assert_eq!(
            run_in(&t, "templatefile", vec![s("../../../secret.txt"), obj(&[])]),
            Err(CallError::OutsideRoot("../../../secret.txt".into()))
        );
    }

    #[test]
    fn templatestring_renders_a_string() {
        let t = tree();
        assert_eq!(
            run_in(
                &t,
                "templatestring",
                vec![s("Hi, ${name}!"), obj(&[("name", s("Sam"))])]
            ),
            Ok(s("Hi, Sam!"))
        );
        assert!(matches!(
            run_in(&t, "templatestring", vec![n(1.0), obj(&[])]),
            Err(CallError::Invalid(_))
        ));
    }

    #[test]
    fn path_functions() {
        assert_eq!(ok("basename", vec![s("foo/bar/baz.txt")]), s("baz.txt"));
        assert_eq!(ok("basename", vec![s("/foo/bar/")]), s("bar"));
        assert_eq!(ok("basename", vec![s("/")]), s("/"));
        assert_eq!(ok("basename", vec![s("")]), s("."));
        assert_eq!(ok("dirname", vec![s("foo/bar/baz.txt")]), s("foo/bar"));
        assert_eq!(ok("dirname", vec![s("baz.txt")]), s("."));
        assert_eq!(ok("dirname", vec![s("/foo//bar/../baz")]), s("/foo"));
        assert_eq!(ok("dirname", vec![s("/")]), s("/"));
    }
}
