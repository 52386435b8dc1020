//! Collection functions and type conversions (`length`, `merge`, `flatten`, the set
//! functions, `tolist`, `toset`, …), following go-cty's `stdlib` and Terraform's `lang/funcs`.

use super::*;

/// `length(value)`: grapheme clusters of a string, elements of a list, attributes of an object.
/// A known list with unknown elements still has a known length.
pub(super) fn length(args: &[Value]) -> CallResult {
    match arg(args, 0) {
        Value::Unknown => Ok(Value::Unknown),
        Value::String(s) => Ok(count(grapheme_count(s))),
        Value::List(items) => Ok(count(items.len())),
        Value::Object(map) => Ok(count(map.len())),
        Value::Null => null_error(),
        _ => invalid("argument must be a string, a collection type, or a structural type"),
    }
}

/// `keys(map)`: the keys, sorted. Known even when some values are unknown.
pub(super) fn keys(args: &[Value]) -> CallResult {
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
pub(super) fn values(args: &[Value]) -> CallResult {
    match arg(args, 0) {
        Value::Object(map) => Ok(Value::List(map.values().cloned().collect())),
        Value::Null => null_error(),
        _ => invalid("values() requires a map as the first argument"),
    }
}

/// `lookup(map, key, default?)`: the element at `key`, else the default, else an error.
pub(super) fn lookup(args: &[Value]) -> CallResult {
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
pub(super) fn element(args: &[Value]) -> CallResult {
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

pub(super) fn prefixed(prefix: &str, error: CallError) -> CallError {
    match error {
        CallError::Invalid(message) => CallError::Invalid(format!("{prefix}: {message}")),
        other => other,
    }
}

/// `index(list, value)`: the position of the first element equal to `value`.
pub(super) fn index(args: &[Value]) -> CallResult {
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
pub(super) fn contains(args: &[Value]) -> CallResult {
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
pub(super) fn one(args: &[Value]) -> CallResult {
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
pub(super) fn merge(args: &[Value]) -> CallResult {
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
pub(super) fn concat(args: &[Value]) -> CallResult {
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
pub(super) fn flatten(args: &[Value]) -> CallResult {
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
pub(super) fn distinct(args: &[Value]) -> CallResult {
    Ok(Value::List(first_occurrences(
        list_of(arg(args, 0))?.to_vec(),
    )))
}

/// The first occurrence of each value, in order: linear time (values are compared by a
/// canonical encoding, equal exactly when the values are).
pub(super) fn first_occurrences(items: Vec<Value>) -> Vec<Value> {
    let mut seen = std::collections::HashSet::with_capacity(items.len());
    items
        .into_iter()
        .filter(|item| seen.insert(identity_key(item)))
        .collect()
}

/// A canonical encoding of a value: two values get the same key exactly when they are equal
/// (`0` and `-0` alike, as `==` has them).
pub(super) fn identity_key(value: &Value) -> String {
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
pub(super) fn compact(args: &[Value]) -> CallResult {
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
pub(super) fn coalesce(args: &[Value]) -> CallResult {
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

pub(super) fn invalid_msg(message: &str) -> CallError {
    CallError::Invalid(message.to_string())
}

/// `coalescelist(lists...)`: the first non-empty list.
pub(super) fn coalescelist(args: &[Value]) -> CallResult {
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
pub(super) fn zipmap(args: &[Value]) -> CallResult {
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
pub(super) fn slice(args: &[Value]) -> CallResult {
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
pub(super) fn reverse(args: &[Value]) -> CallResult {
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
pub(super) fn sort(args: &[Value]) -> CallResult {
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
pub(super) fn chunklist(args: &[Value]) -> CallResult {
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
pub(super) fn transpose(args: &[Value]) -> CallResult {
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
pub(super) fn set_args(args: &[Value]) -> Result<Vec<Vec<Value>>, CallError> {
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
pub(super) fn setunion(args: &[Value]) -> CallResult {
    let sets = set_args(args)?;
    Ok(Value::List(set_order(sets.into_iter().flatten().collect())))
}

/// `setintersection(sets...)`: elements in all of the sets.
pub(super) fn setintersection(args: &[Value]) -> CallResult {
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
pub(super) fn setsubtract(args: &[Value]) -> CallResult {
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
pub(super) fn setproduct(args: &[Value]) -> CallResult {
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
pub(super) fn alltrue(args: &[Value]) -> CallResult {
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
pub(super) fn anytrue(args: &[Value]) -> CallResult {
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
pub(super) fn matchkeys(args: &[Value]) -> CallResult {
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
pub(super) fn sum(args: &[Value]) -> CallResult {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::terraform::functions::testing::*;

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
}
