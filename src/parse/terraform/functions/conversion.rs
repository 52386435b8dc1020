//! Type conversion functions (`tostring`, `tonumber`, `tobool`, `tolist`, `toset`, `tomap`)
//! and the identity functions (`sensitive`, `nonsensitive`, …).

use super::*;

/// `tostring(value)`: strings, numbers and bools; null stays null.
pub(super) fn tostring(args: &[Value]) -> CallResult {
    match arg(args, 0) {
        Value::Null => Ok(Value::Null),
        v @ (Value::String(_) | Value::Number(_) | Value::Bool(_)) => string(str_of(v)?),
        other => invalid(format!("cannot convert {} to string", other.type_name())),
    }
}

/// `tonumber(value)`: numbers and strings holding a decimal number; null stays null.
pub(super) fn tonumber(args: &[Value]) -> CallResult {
    match arg(args, 0) {
        Value::Null => Ok(Value::Null),
        v @ (Value::String(_) | Value::Number(_)) => number(num_of(v)?),
        other => invalid(format!("cannot convert {} to number", other.type_name())),
    }
}

/// `tobool(value)`: bools and the strings "true"/"false"; null stays null.
pub(super) fn tobool(args: &[Value]) -> CallResult {
    match arg(args, 0) {
        Value::Null => Ok(Value::Null),
        v @ (Value::String(_) | Value::Bool(_)) => Ok(Value::Bool(bool_of(v)?)),
        other => invalid(format!("cannot convert {} to bool", other.type_name())),
    }
}

/// `tolist(value)`: a list with its elements converted to a common type.
pub(super) fn tolist(args: &[Value]) -> CallResult {
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
pub(super) fn toset(args: &[Value]) -> CallResult {
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
pub(super) fn tomap(args: &[Value]) -> CallResult {
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
pub(super) fn identity(args: &[Value]) -> CallResult {
    Ok(arg(args, 0).clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::terraform::functions::testing::*;

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
}
