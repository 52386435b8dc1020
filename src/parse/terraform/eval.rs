//! Static evaluation of HCL expressions, as Terraform would evaluate them at plan time for
//! everything that can be known from the configuration alone.
//!
//! Names that depend on the module (`var`, `local`, `module`, `data`, resources, `count`,
//! `each`, `path`, `terraform`) are resolved by an [`Env`]; the evaluator itself handles
//! literals, templates, operators, conditionals, `for` expressions, splats, function calls
//! (through [`functions::call`], with `try` and `can` evaluated lazily here) and the local
//! names bound by `for` expressions and `dynamic` blocks.
//!
//! An expression that depends on something unknown evaluates to [`Value::Unknown`]; one that
//! Terraform would reject evaluates to an [`EvalError`]. Both are never guessed at.

use std::cell::Cell;
use std::collections::BTreeMap;
use std::path::Path;

use hcl_edit::Decorated;
use hcl_edit::expr::{BinaryOperator, Expression, ObjectKey, TraversalOperator, UnaryOperator};
use hcl_edit::template::{Directive, Element, Template};

use super::budget::Budget;
use super::functions::{self, CallError, FunctionContext};
use super::value::{Value, format_number};

/// Deepest expression nesting evaluated (deeper input is reported, never a stack overflow).
const MAX_DEPTH: usize = 128;
/// Most elements a `for` expression or template `for` directive produces.
const MAX_ITERATIONS: usize = 100_000;

/// Why an expression has no value: Terraform itself would reject it.
#[derive(Debug, Clone, PartialEq)]
pub struct EvalError(pub String);

pub type EvalResult = Result<Value, EvalError>;

fn error<T>(message: impl Into<String>) -> Result<T, EvalError> {
    Err(EvalError(message.into()))
}

/// Resolves the module-level names of an expression.
pub trait Env {
    /// Resolves a traversal whose root is `root` (not a local `for`/`dynamic` name). Returns
    /// the value and how many of `operators` it consumed (e.g. `var.x` consumes `.x`;
    /// `aws_s3_bucket.b[0]` consumes `.b` and `[0]`), or `None` if `root` names nothing.
    fn resolve(
        &self,
        evaluator: &Evaluator<'_>,
        root: &str,
        operators: &[Decorated<TraversalOperator>],
    ) -> Option<Result<(Value, usize), EvalError>>;

    /// The directory relative file paths resolve against (the root module, as in Terraform).
    fn module_dir(&self) -> &Path;

    /// Files may only be read inside this directory (the scan root).
    fn scan_root(&self) -> &Path;

    /// Records that a function tenet does not implement was called (the result is unknown).
    fn unsupported_function(&self, name: &str);

    /// The time, memory and nesting budget this evaluation draws on.
    fn budget(&self) -> &Budget;
}

/// Evaluates expressions in one [`Env`], with a stack of local names.
pub struct Evaluator<'a> {
    pub env: &'a dyn Env,
    locals: Vec<(String, Value)>,
    depth: usize,
    /// While rendering a `<<-` heredoc: the indent hcl-edit stripped from its top-level
    /// literals, which must also be stripped inside its `%{ }` directives.
    heredoc_indent: usize,
    /// How many template directives enclose the literal being rendered.
    directive_nesting: usize,
    /// Partial rendering, for the IR's `partial` values only: an unknown interpolation in a
    /// template renders as [`UNKNOWN_PART`] and `jsonencode` writes unknown parts as `null`,
    /// instead of the whole result being unknown. Never set while evaluating values that
    /// flow anywhere else.
    pub partial: bool,
}

/// What an unknown interpolation renders as in a partial value: `"${…}/app:latest"`.
pub const UNKNOWN_PART: &str = "${…}";

impl<'a> Evaluator<'a> {
    pub fn new(env: &'a dyn Env) -> Self {
        Evaluator {
            env,
            locals: Vec::new(),
            depth: 0,
            heredoc_indent: 0,
            directive_nesting: 0,
            partial: false,
        }
    }

    /// A fresh evaluator in the same scope: the enclosing `for` and `dynamic` names stay bound
    /// (`aws_security_group.sg[i]` inside `[for i in …]`), and nesting keeps counting.
    pub fn nested(&self) -> Evaluator<'a> {
        Evaluator {
            env: self.env,
            locals: self.locals.clone(),
            depth: self.depth,
            heredoc_indent: 0,
            directive_nesting: 0,
            partial: false,
        }
    }

    /// Evaluates with extra local names bound (a `dynamic` block's iterator).
    pub fn with_local<T>(&mut self, name: &str, value: Value, f: impl FnOnce(&mut Self) -> T) -> T {
        self.locals.push((name.to_string(), value));
        let result = f(self);
        self.locals.pop();
        result
    }

    pub fn eval(&mut self, expr: &Expression) -> EvalResult {
        if self.depth >= MAX_DEPTH {
            return error(format!("expression nested deeper than {MAX_DEPTH} levels"));
        }
        let env = self.env;
        let _nesting = env.budget().enter()?;
        self.depth += 1;
        let result = self.eval_inner(expr);
        self.depth -= 1;
        result
    }

    fn eval_inner(&mut self, expr: &Expression) -> EvalResult {
        match expr {
            Expression::Null(_) => Ok(Value::Null),
            Expression::Bool(b) => Ok(Value::Bool(*b.value())),
            Expression::Number(n) => Ok(Value::Number(n.value().as_f64().unwrap_or(0.0))),
            Expression::String(s) => Ok(Value::String(s.value().clone())),
            Expression::Array(array) => {
                let mut items = Vec::with_capacity(array.len());
                for item in array.iter() {
                    items.push(self.eval(item)?);
                }
                Ok(Value::List(items))
            }
            Expression::Object(object) => {
                let mut map = BTreeMap::new();
                for (key, value) in object.iter() {
                    let key = match key {
                        ObjectKey::Ident(ident) => ident.value().to_string(),
                        ObjectKey::Expression(expr) => match self.eval(expr)? {
                            Value::Unknown => return Ok(Value::Unknown),
                            key => match key.to_template_string() {
                                Some(key) => key,
                                None => {
                                    return error(format!(
                                        "an object key must be a string, not {}",
                                        key.type_name()
                                    ));
                                }
                            },
                        },
                    };
                    let value = self.eval(value.expr())?;
                    map.insert(key, value);
                }
                Ok(Value::Object(map))
            }
            Expression::StringTemplate(template) => match template.as_single_element() {
                // `"${expr}"` is the value of `expr` itself, of any type (HCL's template
                // wrapping rule, which Terraform's JSON syntax relies on).
                Some(Element::Interpolation(interpolation)) => self.eval(&interpolation.expr),
                _ => self.template(template),
            },
            Expression::HeredocTemplate(heredoc) => {
                let outer =
                    std::mem::replace(&mut self.heredoc_indent, heredoc.indent().unwrap_or(0));
                let result = self.template(&heredoc.template);
                self.heredoc_indent = outer;
                result
            }
            Expression::Parenthesis(inner) => self.eval(inner.inner()),
            Expression::Variable(name) => self.traverse(name.value(), &[]),
            Expression::Traversal(traversal) => match &traversal.expr {
                Expression::Variable(name) => self.traverse(name.value(), &traversal.operators),
                other => {
                    let base = self.eval(other)?;
                    self.apply_operators(base, &traversal.operators)
                }
            },
            Expression::Conditional(conditional) => match self.eval(&conditional.cond_expr)? {
                Value::Unknown => Ok(Value::Unknown),
                condition => match condition.as_bool() {
                    Some(true) => self.eval(&conditional.true_expr),
                    Some(false) => self.eval(&conditional.false_expr),
                    None => error(format!(
                        "a condition must be a bool, not {}",
                        condition.type_name()
                    )),
                },
            },
            Expression::FuncCall(call) => self.call(call),
            Expression::UnaryOp(op) => {
                let value = self.eval(&op.expr)?;
                match (op.operator.value(), value) {
                    (_, Value::Unknown) => Ok(Value::Unknown),
                    (UnaryOperator::Neg, v) => match v.as_f64() {
                        Some(n) => Ok(Value::Number(-n)),
                        None => error("`-` needs a number"),
                    },
                    (UnaryOperator::Not, v) => match v.as_bool() {
                        Some(b) => Ok(Value::Bool(!b)),
                        None => error("`!` needs a bool"),
                    },
                }
            }
            Expression::BinaryOp(op) => {
                let operator = *op.operator.value();
                let lhs = self.eval(&op.lhs_expr);
                let rhs = self.eval(&op.rhs_expr);
                // Terraform 1.12+ short-circuits `&&` and `||`: when one operand decides the
                // result (`false &&`, `true ||`), an error on the other side is dropped
                // (`var.x != null && var.x.enabled` with a null `x` is false).
                if matches!(operator, BinaryOperator::And | BinaryOperator::Or) {
                    let deciding = Value::Bool(operator == BinaryOperator::Or);
                    if lhs.as_ref().is_ok_and(|v| *v == deciding)
                        || rhs.as_ref().is_ok_and(|v| *v == deciding)
                    {
                        return Ok(deciding);
                    }
                }
                binary(operator, lhs?, rhs?)
            }
            Expression::ForExpr(for_expr) => self.for_expr(for_expr),
        }
    }

    /// `root.op.op…`: a local name first, else the environment.
    fn traverse(&mut self, root: &str, operators: &[Decorated<TraversalOperator>]) -> EvalResult {
        // Every reference copies its value: charged, so references cannot multiply memory.
        if let Some((_, value)) = self.locals.iter().rev().find(|(name, _)| name == root) {
            let value = value.clone();
            self.env.budget().charge(&value)?;
            return self.apply_operators(value, operators);
        }
        match self.env.resolve(self, root, operators) {
            Some(Ok((value, consumed))) => {
                self.env.budget().charge(&value)?;
                let rest = operators.get(consumed..).unwrap_or_default();
                self.apply_operators(value, rest)
            }
            Some(Err(e)) => Err(e),
            None => error(format!("unknown name `{root}`")),
        }
    }

    /// Applies `.attr`, `[index]`, `.*` and `[*]` to a value.
    pub fn apply_operators(
        &mut self,
        mut value: Value,
        operators: &[Decorated<TraversalOperator>],
    ) -> EvalResult {
        let mut rest = operators;
        while let Some((operator, tail)) = rest.split_first() {
            rest = tail;
            match operator.value() {
                TraversalOperator::AttrSplat(_) | TraversalOperator::FullSplat(_) => {
                    let items = match value {
                        Value::Unknown => return Ok(Value::Unknown),
                        Value::Null => Vec::new(),
                        Value::List(items) => items,
                        other => vec![other],
                    };
                    // `.*` applies only the attribute accesses after it; `[*]` applies all.
                    let attr_only = matches!(operator.value(), TraversalOperator::AttrSplat(_));
                    let split = if attr_only {
                        tail.iter()
                            .position(|o| !matches!(o.value(), TraversalOperator::GetAttr(_)))
                            .unwrap_or(tail.len())
                    } else {
                        tail.len()
                    };
                    let (inner, after) = tail.split_at(split);
                    let mut mapped = Vec::with_capacity(items.len());
                    for item in items {
                        mapped.push(self.apply_operators(item, inner)?);
                    }
                    value = Value::List(mapped);
                    rest = after;
                }
                TraversalOperator::GetAttr(name) => value = get_attr(value, name.value())?,
                TraversalOperator::Index(expr) => {
                    let index = self.eval(expr)?;
                    value = index_value(value, index)?;
                }
                TraversalOperator::LegacyIndex(n) => {
                    value = index_value(value, Value::Number(*n.value() as f64))?;
                }
            }
        }
        Ok(value)
    }

    fn call(&mut self, call: &hcl_edit::expr::FuncCall) -> EvalResult {
        let namespace: Vec<&str> = call
            .name
            .namespace
            .iter()
            .map(|n| n.value().as_str())
            .collect();
        let name = call.name.name.value().as_str();
        let full_name = if namespace.is_empty() {
            name.to_string()
        } else {
            format!("{}::{name}", namespace.join("::"))
        };
        let args: Vec<&Expression> = call.args.iter().collect();
        match full_name.as_str() {
            "try" => return self.try_call(&args),
            "can" => {
                let Some(arg) = args.first() else {
                    return error("can() takes one argument");
                };
                return Ok(match self.eval(arg) {
                    Ok(Value::Unknown) => Value::Unknown,
                    Ok(v) if v.has_unknown() => Value::Unknown,
                    Ok(_) => Value::Bool(true),
                    Err(_) => Value::Bool(false),
                });
            }
            _ => {}
        }
        let mut values = Vec::with_capacity(args.len());
        for arg in &args {
            values.push(self.eval(arg)?);
        }
        if call.args.expand_final() {
            match values.pop() {
                Some(Value::List(items)) => values.extend(items),
                Some(Value::Unknown) => return Ok(Value::Unknown),
                Some(_) | None => {
                    return error(format!(
                        "{full_name}(...): the expanded argument must be a list"
                    ));
                }
            }
        }
        if self.partial
            && full_name == "jsonencode"
            && let [value] = values.as_slice()
            && !value.is_unknown()
        {
            let text = functions::json_with_unknown_as_null(value);
            self.env.budget().charge_bytes(text.len() as u64)?;
            return Ok(Value::String(text));
        }
        let (module_dir, scan_root) = (self.env.module_dir(), self.env.scan_root());
        let depth = self.depth;
        let render = |text: &str, vars: &BTreeMap<String, Value>| {
            render_template_file(text, vars, module_dir, scan_root, depth)
        };
        let context = FunctionContext {
            module_dir,
            scan_root,
            render_template: &render,
        };
        match functions::call(&full_name, values, &context) {
            Ok(value) => {
                self.env.budget().charge(&value)?;
                Ok(value)
            }
            Err(CallError::UnknownFunction(name)) => {
                self.env.unsupported_function(&name);
                Ok(Value::Unknown)
            }
            Err(CallError::Invalid(message)) => error(format!("{full_name}(): {message}")),
            Err(CallError::Limit(reason)) => {
                Err(self.env.budget().stop(format!("{full_name}(): {reason}")))
            }
            Err(CallError::OutsideRoot(path)) => error(format!(
                "{full_name}(): `{path}` is outside the scanned directory; not read"
            )),
        }
    }

    /// `try(a, b, …)`: the first argument that evaluates without an error.
    fn try_call(&mut self, args: &[&Expression]) -> EvalResult {
        let mut last = EvalError("try() needs at least one argument".into());
        for arg in args {
            match self.eval(arg) {
                Ok(value) => return Ok(value),
                Err(e) => last = e,
            }
        }
        Err(last)
    }

    fn for_expr(&mut self, for_expr: &hcl_edit::expr::ForExpr) -> EvalResult {
        let collection = self.eval(&for_expr.intro.collection_expr)?;
        let pairs = match iteration_pairs(collection)? {
            Some(pairs) => pairs,
            None => return Ok(Value::Unknown),
        };
        if pairs.len() > MAX_ITERATIONS {
            return error(format!(
                "a `for` expression over more than {MAX_ITERATIONS} elements"
            ));
        }
        let key_var = for_expr
            .intro
            .key_var
            .as_ref()
            .map(|k| k.value().to_string());
        let value_var = for_expr.intro.value_var.value().to_string();
        let mut list = Vec::new();
        let mut object: BTreeMap<String, Value> = BTreeMap::new();
        let mut grouped: BTreeMap<String, Vec<Value>> = BTreeMap::new();
        for (key, value) in pairs {
            if let Some(key_var) = &key_var {
                self.locals.push((key_var.clone(), key));
            }
            self.locals.push((value_var.clone(), value));
            let step = self.for_step(for_expr);
            self.locals.pop();
            if key_var.is_some() {
                self.locals.pop();
            }
            match step? {
                ForStep::Skip => {}
                ForStep::Unknown => return Ok(Value::Unknown),
                ForStep::Item(None, value) => list.push(value),
                ForStep::Item(Some(key), value) => {
                    if for_expr.grouping {
                        grouped.entry(key).or_default().push(value);
                    } else if object.insert(key.clone(), value).is_some() {
                        return error(format!(
                            "duplicate object key `{key}` in a `for` expression (use `...` to group)"
                        ));
                    }
                }
            }
        }
        Ok(match (&for_expr.key_expr, for_expr.grouping) {
            (None, _) => Value::List(list),
            (Some(_), true) => Value::Object(
                grouped
                    .into_iter()
                    .map(|(k, v)| (k, Value::List(v)))
                    .collect(),
            ),
            (Some(_), false) => Value::Object(object),
        })
    }

    fn for_step(&mut self, for_expr: &hcl_edit::expr::ForExpr) -> Result<ForStep, EvalError> {
        if let Some(cond) = &for_expr.cond {
            match self.eval(&cond.expr)? {
                Value::Unknown => return Ok(ForStep::Unknown),
                v => match v.as_bool() {
                    Some(false) => return Ok(ForStep::Skip),
                    Some(true) => {}
                    None => return error("a `for` condition must be a bool"),
                },
            }
        }
        let key = match &for_expr.key_expr {
            Some(expr) => match self.eval(expr)? {
                Value::Unknown => return Ok(ForStep::Unknown),
                key => match key.to_template_string() {
                    Some(key) => Some(key),
                    None => return error("a `for` object key must be a string"),
                },
            },
            None => None,
        };
        let value = self.eval(&for_expr.value_expr)?;
        Ok(ForStep::Item(key, value))
    }

    /// Renders a template; any unknown interpolation makes the whole string unknown.
    pub fn template(&mut self, template: &Template) -> EvalResult {
        let mut out = String::new();
        let known = self.render(template, &mut out, false)?;
        self.env.budget().charge_bytes(out.len() as u64)?;
        Ok(if known {
            Value::String(out)
        } else {
            Value::Unknown
        })
    }

    /// Appends `template` to `out`; `Ok(false)` when something was unknown. `strip_first`
    /// trims leading whitespace of the first literal (a `~}` just before the template).
    fn render(
        &mut self,
        template: &Template,
        out: &mut String,
        strip_first: bool,
    ) -> Result<bool, EvalError> {
        // Single interpolation of a non-string keeps its type: "${var.list}" is the list.
        if let Some(Element::Interpolation(interpolation)) = template.as_single_element() {
            if out.is_empty() {
                let value = self.eval(&interpolation.expr)?;
                return match value {
                    Value::Unknown => Ok(false),
                    v => match v.to_template_string() {
                        Some(s) => {
                            out.push_str(&s);
                            Ok(true)
                        }
                        None => error(format!(
                            "cannot interpolate a {} into a string",
                            v.type_name()
                        )),
                    },
                };
            }
        }
        let elements: Vec<&Element> = template.iter().collect();
        let mut known = true;
        let mut strip_next = strip_first;
        for (i, element) in elements.iter().enumerate() {
            // Does the next element strip whitespace before itself (`{~`)?
            let strip_before_next = match elements.get(i + 1) {
                Some(Element::Interpolation(next)) => next.strip.strip_start(),
                Some(Element::Directive(next)) => match next.as_ref() {
                    Directive::If(d) => d.if_expr.strip.strip_start(),
                    Directive::For(d) => d.for_expr.strip.strip_start(),
                },
                _ => false,
            };
            match element {
                Element::Literal(literal) => {
                    let dedented;
                    let mut text: &str = literal.value();
                    if self.directive_nesting > 0 && self.heredoc_indent > 0 {
                        dedented = dedent_after_newlines(text, self.heredoc_indent);
                        text = &dedented;
                    }
                    if strip_next {
                        text = text.trim_start();
                    }
                    if strip_before_next {
                        text = text.trim_end();
                    }
                    out.push_str(text);
                    strip_next = false;
                }
                Element::Interpolation(interpolation) => {
                    match self.eval(&interpolation.expr)? {
                        Value::Unknown if self.partial => out.push_str(UNKNOWN_PART),
                        Value::Unknown => known = false,
                        v => match v.to_template_string() {
                            Some(s) => out.push_str(&s),
                            None => {
                                return error(format!(
                                    "cannot interpolate a {} into a string",
                                    v.type_name()
                                ));
                            }
                        },
                    }
                    strip_next = interpolation.strip.strip_end();
                }
                Element::Directive(directive) => {
                    self.directive_nesting += 1;
                    let rendered = self.directive(directive, out);
                    self.directive_nesting -= 1;
                    let (ok, strip_after) = rendered?;
                    known &= ok;
                    strip_next = strip_after;
                }
            }
            if !known {
                return Ok(false);
            }
        }
        Ok(known)
    }

    /// Renders `%{ if }` / `%{ for }`; returns (known, strip whitespace after it).
    fn directive(
        &mut self,
        directive: &Directive,
        out: &mut String,
    ) -> Result<(bool, bool), EvalError> {
        match directive {
            Directive::If(d) => {
                let condition = self.eval(&d.if_expr.cond_expr)?;
                let strip_after = d.endif_expr.strip.strip_end();
                let branch = match condition {
                    Value::Unknown => return Ok((false, strip_after)),
                    v => match v.as_bool() {
                        Some(b) => b,
                        None => return error("a template `if` condition must be a bool"),
                    },
                };
                let known = if branch {
                    let mut inner = String::new();
                    let ok =
                        self.render(&d.if_expr.template, &mut inner, d.if_expr.strip.strip_end())?;
                    let end_strip = match &d.else_expr {
                        Some(e) => e.strip.strip_start(),
                        None => d.endif_expr.strip.strip_start(),
                    };
                    out.push_str(if end_strip { inner.trim_end() } else { &inner });
                    ok
                } else if let Some(else_expr) = &d.else_expr {
                    let mut inner = String::new();
                    let ok =
                        self.render(&else_expr.template, &mut inner, else_expr.strip.strip_end())?;
                    out.push_str(if d.endif_expr.strip.strip_start() {
                        inner.trim_end()
                    } else {
                        &inner
                    });
                    ok
                } else {
                    true
                };
                Ok((known, strip_after))
            }
            Directive::For(d) => {
                let strip_after = d.endfor_expr.strip.strip_end();
                let collection = self.eval(&d.for_expr.collection_expr)?;
                let Some(pairs) = iteration_pairs(collection)? else {
                    return Ok((false, strip_after));
                };
                if pairs.len() > MAX_ITERATIONS {
                    return error(format!(
                        "a template `for` over more than {MAX_ITERATIONS} elements"
                    ));
                }
                let key_var = d.for_expr.key_var.as_ref().map(|k| k.value().to_string());
                let value_var = d.for_expr.value_var.value().to_string();
                for (key, value) in pairs {
                    if let Some(key_var) = &key_var {
                        self.locals.push((key_var.clone(), key));
                    }
                    self.locals.push((value_var.clone(), value));
                    let mut inner = String::new();
                    let rendered = self.render(
                        &d.for_expr.template,
                        &mut inner,
                        d.for_expr.strip.strip_end(),
                    );
                    self.locals.pop();
                    if key_var.is_some() {
                        self.locals.pop();
                    }
                    if !rendered? {
                        return Ok((false, strip_after));
                    }
                    out.push_str(if d.endfor_expr.strip.strip_start() {
                        inner.trim_end()
                    } else {
                        &inner
                    });
                }
                Ok((true, strip_after))
            }
        }
    }
}

/// `templatefile`: the template sees only its variables (and functions), like Terraform.
fn render_template_file(
    text: &str,
    vars: &BTreeMap<String, Value>,
    module_dir: &Path,
    scan_root: &Path,
    depth: usize,
) -> Result<Value, String> {
    super::backtracking::check_template(text).map_err(|refused| refused.message())?;
    let template: Template = text
        .parse()
        .map_err(|e: hcl_edit::parser::Error| e.to_string())?;
    let env = NoNames::new(module_dir, scan_root);
    let mut evaluator = Evaluator::new(&env);
    evaluator.depth = depth + 8; // nested templatefile calls count towards the depth limit
    for (name, value) in vars {
        evaluator.locals.push((name.clone(), value.clone()));
    }
    let result = evaluator.template(&template).map_err(|e| e.0)?;
    Ok(if env.unsupported.get() {
        Value::Unknown
    } else {
        result
    })
}

/// An environment with no module names: `templatefile` templates, variable defaults and
/// tfvars (which Terraform evaluates as constants).
pub struct NoNames<'a> {
    pub module_dir: &'a Path,
    pub scan_root: &'a Path,
    /// Set when a function tenet does not evaluate was called.
    pub unsupported: Cell<bool>,
    budget: Budget,
}

impl<'a> NoNames<'a> {
    pub fn new(module_dir: &'a Path, scan_root: &'a Path) -> Self {
        NoNames {
            module_dir,
            scan_root,
            unsupported: Cell::new(false),
            budget: Budget::default(),
        }
    }
}

impl Env for NoNames<'_> {
    fn resolve(
        &self,
        _: &Evaluator<'_>,
        _: &str,
        _: &[Decorated<TraversalOperator>],
    ) -> Option<Result<(Value, usize), EvalError>> {
        None
    }

    fn module_dir(&self) -> &Path {
        self.module_dir
    }

    fn scan_root(&self) -> &Path {
        self.scan_root
    }

    fn unsupported_function(&self, _: &str) {
        self.unsupported.set(true);
    }

    fn budget(&self) -> &Budget {
        &self.budget
    }
}

/// Removes up to `indent` leading spaces from every line that starts after a newline.
fn dedent_after_newlines(text: &str, indent: usize) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
            let spaces = line.bytes().take(indent).take_while(|b| *b == b' ').count();
            out.push_str(line.get(spaces..).unwrap_or(line));
        } else {
            out.push_str(line);
        }
    }
    out
}

enum ForStep {
    Skip,
    Unknown,
    Item(Option<String>, Value),
}

/// (key, value) pairs of a collection for `for`: list index or object key. `None` if unknown.
pub fn iteration_pairs(collection: Value) -> Result<Option<Vec<(Value, Value)>>, EvalError> {
    match collection {
        Value::Unknown => Ok(None),
        Value::List(items) => Ok(Some(
            items
                .into_iter()
                .enumerate()
                .map(|(i, v)| (Value::Number(i as f64), v))
                .collect(),
        )),
        Value::Object(map) => Ok(Some(
            map.into_iter()
                .map(|(k, v)| (Value::String(k), v))
                .collect(),
        )),
        Value::Null => error("cannot iterate over null"),
        other => error(format!("cannot iterate over a {}", other.type_name())),
    }
}

/// `value.name`.
pub fn get_attr(value: Value, name: &str) -> EvalResult {
    match value {
        Value::Unknown => Ok(Value::Unknown),
        Value::Object(mut map) => match map.remove(name) {
            Some(v) => Ok(v),
            None => error(format!("this object has no attribute `{name}`")),
        },
        Value::Null => error(format!("cannot access attribute `{name}` of null")),
        // A list of objects: Terraform requires a splat or index; be strict like it.
        other => error(format!(
            "cannot access attribute `{name}` of a {}",
            other.type_name()
        )),
    }
}

/// `value[index]`.
pub fn index_value(value: Value, index: Value) -> EvalResult {
    match (value, index) {
        (Value::Unknown, _) | (_, Value::Unknown) => Ok(Value::Unknown),
        (Value::List(items), index) => {
            let Some(n) = index.as_f64() else {
                return error("a list index must be a number");
            };
            if n < 0.0 || n.fract() != 0.0 {
                return error(format!("invalid list index {}", format_number(n)));
            }
            let i = n as usize;
            items
                .into_iter()
                .nth(i)
                .map_or_else(|| error(format!("list index {i} out of range")), Ok)
        }
        (Value::Object(mut map), index) => {
            let Some(key) = index.to_template_string() else {
                return error("a map key must be a string");
            };
            map.remove(&key)
                .map_or_else(|| error(format!("no key `{key}` in this map")), Ok)
        }
        (Value::Null, _) => error("cannot index null"),
        (other, _) => error(format!("cannot index a {}", other.type_name())),
    }
}

fn binary(operator: BinaryOperator, lhs: Value, rhs: Value) -> EvalResult {
    use BinaryOperator as B;
    match operator {
        B::And | B::Or => {
            let (l, r) = (lhs.as_bool(), rhs.as_bool());
            let is_and = operator == B::And;
            // A known operand can decide the result on its own (false && ?, true || ?).
            if l == Some(!is_and) || r == Some(!is_and) {
                return Ok(Value::Bool(!is_and));
            }
            if lhs.is_unknown() || rhs.is_unknown() {
                return Ok(Value::Unknown);
            }
            match (l, r) {
                (Some(l), Some(r)) => Ok(Value::Bool(if is_and { l && r } else { l || r })),
                _ => error("`&&` and `||` need bools"),
            }
        }
        _ if lhs.has_unknown() || rhs.has_unknown() => Ok(Value::Unknown),
        B::Eq => Ok(Value::Bool(equal(&lhs, &rhs))),
        B::NotEq => Ok(Value::Bool(!equal(&lhs, &rhs))),
        _ => {
            let (Some(l), Some(r)) = (lhs.as_f64(), rhs.as_f64()) else {
                return error(format!(
                    "arithmetic and comparison need numbers, not {} and {}",
                    lhs.type_name(),
                    rhs.type_name()
                ));
            };
            Ok(match operator {
                B::Less => Value::Bool(l < r),
                B::LessEq => Value::Bool(l <= r),
                B::Greater => Value::Bool(l > r),
                B::GreaterEq => Value::Bool(l >= r),
                B::Plus => Value::Number(l + r),
                B::Minus => Value::Number(l - r),
                B::Mul => Value::Number(l * r),
                B::Div if r == 0.0 => return error("division by zero"),
                B::Div => Value::Number(l / r),
                B::Mod if r == 0.0 => return error("modulo by zero"),
                B::Mod => Value::Number(l % r),
                _ => return error("unsupported operator"),
            })
        }
    }
}

/// Terraform equality: no conversion between types (`1 == "1"` is false).
fn equal(lhs: &Value, rhs: &Value) -> bool {
    lhs == rhs
}
