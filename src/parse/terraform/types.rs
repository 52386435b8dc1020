//! Variable type constraints: `type = list(object({ name = string, port = optional(number, 80) }))`.
//!
//! Terraform converts every variable value to its declared type before use: numbers become
//! strings for `string`, and missing `optional(...)` object attributes appear with their
//! default (or null). Modules rely on that (`var.x.port` where the caller never set `port`),
//! so tenet converts too.

use std::collections::BTreeMap;

use hcl_edit::expr::{Expression, ObjectKey};

use super::eval::{EvalError, Evaluator};
use super::value::{Value, format_number};

#[derive(Clone, Debug, PartialEq)]
pub enum Type {
    Any,
    String,
    Number,
    Bool,
    List(Box<Type>),
    Map(Box<Type>),
    Tuple(Vec<Type>),
    /// Attribute name → (type, optional default: `Some(None)` optional without default).
    Object(BTreeMap<String, (Type, Option<Option<Value>>)>),
}

/// Reads a type constraint expression; `None` for anything unrecognised (treated as `any`).
pub fn parse_type(expr: &Expression, evaluator: &mut Evaluator<'_>) -> Option<Type> {
    match expr {
        Expression::Variable(name) => match name.value().as_str() {
            "string" => Some(Type::String),
            "number" => Some(Type::Number),
            "bool" => Some(Type::Bool),
            "any" => Some(Type::Any),
            _ => None,
        },
        Expression::FuncCall(call) => {
            let args: Vec<&Expression> = call.args.iter().collect();
            let first = args.first().copied();
            match call.name.name.value().as_str() {
                "list" | "set" => Some(Type::List(Box::new(parse_type(first?, evaluator)?))),
                "map" => Some(Type::Map(Box::new(parse_type(first?, evaluator)?))),
                "tuple" => match first? {
                    Expression::Array(items) => items
                        .iter()
                        .map(|t| parse_type(t, evaluator))
                        .collect::<Option<Vec<_>>>()
                        .map(Type::Tuple),
                    _ => None,
                },
                "object" => match first? {
                    Expression::Object(object) => {
                        let mut attributes = BTreeMap::new();
                        for (key, value) in object.iter() {
                            let name = match key {
                                ObjectKey::Ident(ident) => ident.value().to_string(),
                                ObjectKey::Expression(Expression::String(s)) => s.value().clone(),
                                ObjectKey::Expression(_) => return None,
                            };
                            attributes.insert(name, parse_attribute(value.expr(), evaluator)?);
                        }
                        Some(Type::Object(attributes))
                    }
                    _ => None,
                },
                _ => None,
            }
        }
        _ => None,
    }
}

fn parse_attribute(
    expr: &Expression,
    evaluator: &mut Evaluator<'_>,
) -> Option<(Type, Option<Option<Value>>)> {
    if let Expression::FuncCall(call) = expr {
        if call.name.name.value().as_str() == "optional" {
            let args: Vec<&Expression> = call.args.iter().collect();
            let inner = parse_type(args.first()?, evaluator)?;
            let default = args
                .get(1)
                .map(|default| evaluator.eval(default).unwrap_or(Value::Unknown));
            return Some((inner, Some(default)));
        }
    }
    Some((parse_type(expr, evaluator)?, None))
}

/// Converts `value` to `ty` the way Terraform does for variable values.
pub fn convert(value: Value, ty: &Type) -> Result<Value, EvalError> {
    let error = |what: &str| Err(EvalError(format!("cannot convert {what}")));
    match (value, ty) {
        (Value::Unknown, _) => Ok(Value::Unknown),
        (Value::Null, _) => Ok(Value::Null),
        (value, Type::Any) => Ok(value),
        (Value::String(s), Type::String) => Ok(Value::String(s)),
        (Value::Number(n), Type::String) => Ok(Value::String(format_number(n))),
        (Value::Bool(b), Type::String) => Ok(Value::String(b.to_string())),
        (Value::Number(n), Type::Number) => Ok(Value::Number(n)),
        (Value::String(s), Type::Number) => s
            .trim()
            .parse()
            .map(Value::Number)
            .or_else(|_| error(&format!("\"{s}\" to a number"))),
        (Value::Bool(b), Type::Bool) => Ok(Value::Bool(b)),
        (Value::String(s), Type::Bool) if s == "true" || s == "false" => {
            Ok(Value::Bool(s == "true"))
        }
        (Value::List(items), Type::List(inner)) => items
            .into_iter()
            .map(|v| convert(v, inner))
            .collect::<Result<_, _>>()
            .map(Value::List),
        (Value::Object(map), Type::Map(inner)) => map
            .into_iter()
            .map(|(k, v)| convert(v, inner).map(|v| (k, v)))
            .collect::<Result<_, _>>()
            .map(Value::Object),
        (Value::List(items), Type::Tuple(types)) if items.len() == types.len() => items
            .into_iter()
            .zip(types)
            .map(|(v, t)| convert(v, t))
            .collect::<Result<_, _>>()
            .map(Value::List),
        (Value::Object(mut map), Type::Object(attributes)) => {
            let mut out = BTreeMap::new();
            for (name, (ty, optional)) in attributes {
                let value = match (map.remove(name), optional) {
                    (Some(value), _) => convert(value, ty)?,
                    (None, Some(Some(default))) => convert(default.clone(), ty)?,
                    (None, Some(None)) => Value::Null,
                    (None, None) => {
                        return error(&format!(
                            "an object without the required attribute `{name}`"
                        ));
                    }
                };
                out.insert(name.clone(), value);
            }
            Ok(Value::Object(out))
        }
        (value, ty) => error(&format!("a {} to {ty:?}", value.type_name())),
    }
}
