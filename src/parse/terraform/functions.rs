//! TEMPORARY STUB (being replaced by the Terraform function library).
use std::collections::BTreeMap;
use std::path::Path;

use super::value::Value;

/// What functions that touch files or templates need from the evaluator.
pub struct FunctionContext<'a> {
    /// Directory of the module being evaluated (`path.module`), for relative file paths.
    pub module_dir: &'a Path,
    /// Files may only be read inside this directory (the scan root).
    pub scan_root: &'a Path,
    /// Renders a template (HCL template syntax) with the given variables; for `templatefile`.
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
}

pub fn call(name: &str, _args: Vec<Value>, _ctx: &FunctionContext<'_>) -> Result<Value, CallError> {
    Err(CallError::UnknownFunction(name.to_string()))
}
