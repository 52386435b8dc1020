//! TEMPORARY STUB (being replaced by the aws_iam_policy_document renderer).
use super::value::Value;

pub fn render(_attributes: &Value) -> Value {
    Value::Unknown
}
