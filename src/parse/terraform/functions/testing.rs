//! Shorthands the function tests share.

use super::*;

pub(super) fn s(text: &str) -> Value {
    Value::String(text.to_string())
}

pub(super) fn n(number: f64) -> Value {
    Value::Number(number)
}

pub(super) fn list(items: Vec<Value>) -> Value {
    Value::List(items)
}

pub(super) fn strs(items: &[&str]) -> Value {
    list(items.iter().map(|t| s(t)).collect())
}

pub(super) fn nums(items: &[f64]) -> Value {
    list(items.iter().map(|x| n(*x)).collect())
}

pub(super) fn obj(pairs: &[(&str, Value)]) -> Value {
    Value::Object(
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_string(), v.clone()))
            .collect(),
    )
}

pub(super) const U: Value = Value::Unknown;

pub(super) fn no_templates(_: &str, _: &BTreeMap<String, Value>) -> Result<Value, String> {
    Err("no templates here".to_string())
}

pub(super) fn run(name: &str, args: Vec<Value>) -> Result<Value, CallError> {
    let nowhere = Path::new("/nonexistent-tenet-test-dir");
    let ctx = FunctionContext {
        module_dir: nowhere,
        scan_root: nowhere,
        render_template: &no_templates,
    };
    call(name, args, &ctx)
}

#[track_caller]
pub(super) fn ok(name: &str, args: Vec<Value>) -> Value {
    match run(name, args) {
        Ok(value) => value,
        Err(e) => panic!("{name}: unexpected error {e:?}"),
    }
}

#[track_caller]
pub(super) fn fails(name: &str, args: Vec<Value>) -> String {
    match run(name, args) {
        Err(CallError::Invalid(message)) => message,
        other => panic!("{name}: expected Invalid, got {other:?}"),
    }
}
