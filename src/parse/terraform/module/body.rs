//! Block bodies to IR: attribute values, nested and `dynamic` blocks, their spans and the
//! references each attribute was computed from.

use super::*;

/// What evaluating one resource body collects beside the attribute values.
pub(super) struct Build {
    pub(super) spans: SpanMap,
    pub(super) references: BTreeMap<String, Vec<String>>,
    /// The variable entries whose default each attribute's value holds (see `Resource::defaults`).
    pub(super) defaults: BTreeMap<String, Vec<String>>,
    /// Partly known values of unknown attributes (see `Resource::partial`).
    pub(super) partial: BTreeMap<String, String>,
    /// The values an unknown conditional attribute can take (see `Resource::alternatives`).
    pub(super) alternatives: BTreeMap<String, Vec<serde_json::Value>>,
    /// Display path of the resource's file: spans in any other file are recorded with it.
    home: String,
}

impl Build {
    pub(super) fn new(header: Span, home: &SourceFile) -> Self {
        Build {
            spans: SpanMap::new(header),
            references: BTreeMap::new(),
            defaults: BTreeMap::new(),
            partial: BTreeMap::new(),
            alternatives: BTreeMap::new(),
            home: home.display.clone(),
        }
    }

    /// Records where `path` is written.
    fn record(&mut self, path: &AttrPath, span: Span, file: &SourceFile) {
        self.spans.attributes.insert(path.clone(), span);
        if file.display != self.home {
            self.spans.files.insert(path.clone(), file.display.clone());
        } else {
            self.spans.files.remove(path);
        }
    }
}

/// Records where the attribute `name` of a block is written, and the literal keys and
/// elements inside its value, at `path` (for entries built outside `eval_body`: variable
/// defaults).
pub(super) fn record_attribute_spans(
    file: &SourceFile,
    attribute: &hcl_edit::structure::Attribute,
    path: &mut AttrPath,
    build: &mut Build,
) {
    if let Some(span) = span_of(file, attribute) {
        build.record(path, span, file);
    }
    record_literal_spans(file, &attribute.value, path, build);
}

/// True when `address` names a variable entry (`var.x`, `module.a["k"].var.x`), not a resource.
/// Values flow with one set of addresses; the IR keeps resources in `references` and
/// variable entries in `defaults`.
pub(super) fn is_variable_entry(address: &str) -> bool {
    let mut rest = address;
    while let Some(after) = rest.strip_prefix("module.") {
        // Skip the module name and its instance key (which may hold dots inside brackets).
        let name_end = after.find(['.', '[']).unwrap_or(after.len());
        let mut tail = &after[name_end..];
        if tail.starts_with('[') {
            match tail.find("].") {
                Some(end) => tail = &tail[end + 1..],
                None => return false,
            }
        }
        match tail.strip_prefix('.') {
            Some(next) => rest = next,
            None => return false,
        }
    }
    rest.starts_with("var.")
}

/// Which file each part of a merged block comes from (Terraform override files): a top-level
/// attribute or nested block type named here was set by that file; `nested` gives the same
/// for a nested block merged argument by argument (`lifecycle`).
#[derive(Debug, Default)]
pub(super) struct Origins {
    pub(super) files: HashMap<String, Arc<SourceFile>>,
    pub(super) nested: HashMap<String, Origins>,
}

pub(super) static NO_ORIGINS: LazyLock<Origins> = LazyLock::new(Origins::default);

/// An `aws_iam_policy_document`'s attributes plus `json`, the policy the provider renders.
pub(super) fn with_rendered_policy(
    mut attributes: BTreeMap<String, Value>,
) -> BTreeMap<String, Value> {
    let rendered = policy_document::render(&Value::Object(attributes.clone()));
    attributes.insert("json".to_string(), rendered);
    attributes
}

/// Meta-arguments that configure Terraform itself, not the resource.
pub(super) const META_ARGUMENTS: [&str; 4] = ["count", "for_each", "depends_on", "provider"];

/// Evaluates a (resource or nested) block body into an object; nested blocks become lists.
#[allow(clippy::too_many_arguments)]
pub(super) fn eval_body(
    evaluator: &mut Evaluator<'_>,
    scope: &Scope<'_, '_, '_>,
    body_file: &Arc<SourceFile>,
    body: &Body,
    origins: &Origins,
    path: &mut AttrPath,
    build: &mut Build,
    top_level: bool,
) -> BTreeMap<String, Value> {
    let mut object: BTreeMap<String, Value> = BTreeMap::new();
    for structure in body.iter() {
        let name = match structure {
            Structure::Attribute(attribute) => attribute.key.value().as_str(),
            Structure::Block(block) if block.ident.value().as_str() == "dynamic" => {
                block.labels.first().map_or("", |label| match label {
                    BlockLabel::String(s) => s.value().as_str(),
                    BlockLabel::Ident(i) => i.value().as_str(),
                })
            }
            Structure::Block(block) => block.ident.value().as_str(),
        };
        let file = origins.files.get(name).unwrap_or(body_file);
        match structure {
            Structure::Attribute(attribute) => {
                let name = attribute.key.value().to_string();
                if top_level && META_ARGUMENTS.contains(&name.as_str()) {
                    continue;
                }
                // `lifecycle` lists of attribute names and resources, not values.
                if ["ignore_changes", "replace_triggered_by"].contains(&name.as_str()) {
                    continue;
                }
                scope.refs.borrow_mut().clear();
                // A provisioner's `when = destroy` and `on_failure = continue` are keywords.
                let keyword = match &attribute.value {
                    Expression::Variable(v)
                        if !top_level && ["when", "on_failure"].contains(&name.as_str()) =>
                    {
                        Some(Value::String(v.value().to_string()))
                    }
                    _ => None,
                };
                let value = match keyword.map_or_else(|| evaluator.eval(&attribute.value), Ok) {
                    Ok(value) => value,
                    Err(e) => {
                        scope.instance.warn_at(
                            file,
                            span_of(file, attribute),
                            format!("{name}: {}; its value is unknown", e.0),
                        );
                        Value::Unknown
                    }
                };
                path.push(PathSegment::Key(name.clone()));
                if value.is_unknown()
                    && let Some(text) = partial_value(evaluator, &attribute.value)
                {
                    build.partial.insert(display_attr_path(path), text);
                }
                if value.is_unknown()
                    && let Some(options) = alternatives(evaluator, &attribute.value)
                {
                    build.alternatives.insert(display_attr_path(path), options);
                }
                if let Some(span) = span_of(file, attribute) {
                    build.record(path, span, file);
                }
                record_literal_spans(file, &attribute.value, path, build);
                let refs = std::mem::take(&mut *scope.refs.borrow_mut());
                let (defaults, resources): (Vec<String>, Vec<String>) =
                    refs.into_iter().partition(|r| is_variable_entry(r));
                if !resources.is_empty() {
                    build.references.insert(display_attr_path(path), resources);
                }
                if !defaults.is_empty() {
                    build.defaults.insert(display_attr_path(path), defaults);
                }
                path.pop();
                if value != Value::Null {
                    object.insert(name, value);
                }
            }
            Structure::Block(block) => {
                let ident = block.ident.value().to_string();
                if ident == "dynamic" {
                    eval_dynamic(evaluator, scope, file, block, path, build, &mut object);
                    continue;
                }
                let inner_origins = origins.nested.get(&ident).unwrap_or(&NO_ORIGINS);
                let list = object
                    .entry(ident.clone())
                    .or_insert_with(|| Value::List(Vec::new()));
                let index = match list {
                    Value::List(items) => items.len(),
                    _ => continue,
                };
                path.push(PathSegment::Key(ident.clone()));
                path.push(PathSegment::Index(index));
                build.record(path, header_span(file, block), file);
                let inner = eval_body(
                    evaluator,
                    scope,
                    file,
                    &block.body,
                    inner_origins,
                    path,
                    build,
                    false,
                );
                path.pop();
                path.pop();
                if let Some(Value::List(items)) = object.get_mut(&ident) {
                    items.push(Value::Object(inner));
                }
            }
        }
    }
    object
}

/// The partly known text of an unknown string template or `jsonencode(…)` (see
/// `Resource::partial`): unknown interpolations as `${…}`, unknown JSON parts as `null`.
/// `None` for any other expression, or when nothing of it is known.
fn partial_value(evaluator: &Evaluator<'_>, expression: &Expression) -> Option<String> {
    let eligible = match expression {
        Expression::StringTemplate(template) => template.as_single_element().is_none(),
        Expression::HeredocTemplate(_) => true,
        Expression::FuncCall(call) => call.name.name.value().as_str() == "jsonencode",
        _ => false,
    };
    if !eligible {
        return None;
    }
    let mut partial = evaluator.nested();
    partial.partial = true;
    match partial.eval(expression) {
        Ok(Value::String(text)) if text != crate::parse::terraform::eval::UNKNOWN_PART => {
            Some(text)
        }
        _ => None,
    }
}

/// Most values an unknown conditional may take that are listed (`alternatives`).
const MAX_ALTERNATIVES: usize = 8;

/// The values of a conditional whose condition is unknown but whose branches are known
/// (`each.value.global ? "GLOBAL_MANAGED_PROXY" : "REGIONAL_MANAGED_PROXY"`), nested
/// conditionals included; `None` for any other expression, an unknown branch, or more than
/// [`MAX_ALTERNATIVES`] values.
fn alternatives(
    evaluator: &Evaluator<'_>,
    expression: &Expression,
) -> Option<Vec<serde_json::Value>> {
    let mut values = Vec::new();
    collect_alternatives(evaluator, expression, &mut values, 0)?;
    (values.len() > 1).then_some(values)
}

fn collect_alternatives(
    evaluator: &Evaluator<'_>,
    expression: &Expression,
    values: &mut Vec<serde_json::Value>,
    depth: usize,
) -> Option<()> {
    // Nesting beyond this many conditionals and parentheses is not followed.
    if depth > 4 * MAX_ALTERNATIVES {
        return None;
    }
    if let Expression::Parenthesis(inner) = expression {
        return collect_alternatives(evaluator, inner.inner(), values, depth + 1);
    }
    let Expression::Conditional(conditional) = expression else {
        let value = evaluator.nested().eval(expression).ok()?;
        if value.has_unknown() {
            return None;
        }
        let json = value.to_json();
        if !values.contains(&json) {
            values.push(json);
        }
        return (values.len() <= MAX_ALTERNATIVES).then_some(());
    };
    // A known condition picks one branch (its value would have been known).
    let condition = evaluator.nested().eval(&conditional.cond_expr).ok()?;
    if !condition.is_unknown() {
        return None;
    }
    collect_alternatives(evaluator, &conditional.true_expr, values, depth + 1)?;
    collect_alternatives(evaluator, &conditional.false_expr, values, depth + 1)
}

/// `dynamic "x" { for_each = …; iterator = it; content { … } }` expanded into `x` blocks.
pub(super) fn eval_dynamic(
    evaluator: &mut Evaluator<'_>,
    scope: &Scope<'_, '_, '_>,
    file: &Arc<SourceFile>,
    block: &Block,
    path: &mut AttrPath,
    build: &mut Build,
    object: &mut BTreeMap<String, Value>,
) {
    let Some(label) = label(block, 0) else { return };
    let iterator = block
        .body
        .get_attribute("iterator")
        .and_then(|a| traversal_text(&a.value))
        .unwrap_or_else(|| label.clone());
    let Some(content) = block
        .body
        .blocks()
        .find(|b| b.ident.value().as_str() == "content")
    else {
        return;
    };
    let collection = match block.body.get_attribute("for_each") {
        Some(for_each) => evaluator.eval(&for_each.value).unwrap_or_else(|e| {
            scope.instance.warn_at(
                file,
                span_of(file, for_each),
                format!("dynamic \"{label}\" for_each: {}", e.0),
            );
            Value::Unknown
        }),
        None => Value::Unknown,
    };
    let pairs = match iteration_pairs(collection) {
        Ok(Some(pairs)) => pairs,
        _ => {
            // Unknown blocks: the whole attribute is unknown (never guessed).
            object.insert(label, Value::Unknown);
            return;
        }
    };
    // Static `x` blocks written before this `dynamic "x"` come first; an unknown earlier
    // `dynamic "x"` keeps the whole attribute unknown.
    let start = match object
        .entry(label.clone())
        .or_insert_with(|| Value::List(Vec::new()))
    {
        Value::List(items) => items.len(),
        _ => return,
    };
    let mut added = Vec::with_capacity(pairs.len());
    for (i, (key, value)) in pairs.into_iter().enumerate() {
        let iterator_value =
            BTreeMap::from([("key".to_string(), key), ("value".to_string(), value)]);
        path.push(PathSegment::Key(label.clone()));
        path.push(PathSegment::Index(start + i));
        build.record(path, header_span(file, block), file);
        let inner = evaluator.with_local(&iterator, Value::Object(iterator_value), |evaluator| {
            eval_body(
                evaluator,
                scope,
                file,
                &content.body,
                &NO_ORIGINS,
                path,
                build,
                false,
            )
        });
        path.pop();
        path.pop();
        added.push(Value::Object(inner));
    }
    if let Some(Value::List(items)) = object.get_mut(&label) {
        items.extend(added);
    }
}

/// Spans for the keys of object literals and items of array literals inside an attribute, so
/// `tags = { env = "x" }` locates `tags.env` on its own line.
pub(super) fn record_literal_spans(
    file: &SourceFile,
    expr: &Expression,
    path: &mut AttrPath,
    build: &mut Build,
) {
    match expr {
        Expression::Object(object) => {
            for (key, value) in object.iter() {
                let name = match key {
                    hcl_edit::expr::ObjectKey::Ident(ident) => ident.value().to_string(),
                    hcl_edit::expr::ObjectKey::Expression(Expression::String(s)) => {
                        s.value().clone()
                    }
                    hcl_edit::expr::ObjectKey::Expression(_) => continue,
                };
                path.push(PathSegment::Key(name));
                let start = key.span().map(|r| r.start);
                let end = value.expr().span().map(|r| r.end);
                if let (Some(start), Some(end)) = (start, end) {
                    build.record(path, file.parsed_span(start..end), file);
                }
                record_literal_spans(file, value.expr(), path, build);
                path.pop();
            }
        }
        Expression::Array(array) => {
            for (i, item) in array.iter().enumerate() {
                path.push(PathSegment::Index(i));
                if let Some(range) = item.span() {
                    build.record(path, file.parsed_span(range), file);
                }
                record_literal_spans(file, item, path, build);
                path.pop();
            }
        }
        _ => {}
    }
}

/// Converts to JSON; every unknown becomes `null` and its path is listed.
pub(super) fn to_json_collecting_unknown(
    value: &Value,
    path: &mut AttrPath,
    unknown: &mut Vec<String>,
) -> serde_json::Value {
    match value {
        Value::Unknown => {
            unknown.push(display_attr_path(path));
            serde_json::Value::Null
        }
        Value::List(items) => serde_json::Value::Array(
            items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    path.push(PathSegment::Index(i));
                    let json = to_json_collecting_unknown(item, path, unknown);
                    path.pop();
                    json
                })
                .collect(),
        ),
        Value::Object(map) => serde_json::Value::Object(
            map.iter()
                .map(|(k, v)| {
                    path.push(PathSegment::Key(k.clone()));
                    let json = to_json_collecting_unknown(v, path, unknown);
                    path.pop();
                    (k.clone(), json)
                })
                .collect(),
        ),
        other => other.to_json(),
    }
}

pub(super) fn label(block: &Block, i: usize) -> Option<String> {
    block.labels.get(i).map(|l| match l {
        BlockLabel::Ident(ident) => ident.value().to_string(),
        BlockLabel::String(s) => s.value().clone(),
    })
}

/// `aws.dr` for a traversal expression, `aws` for a bare name.
pub(super) fn traversal_text(expr: &Expression) -> Option<String> {
    match expr {
        Expression::Variable(v) => Some(v.value().to_string()),
        Expression::Traversal(t) => {
            let mut text = traversal_text(&t.expr)?;
            for operator in &t.operators {
                match operator.value() {
                    TraversalOperator::GetAttr(name) => {
                        text.push('.');
                        text.push_str(name.value().as_str());
                    }
                    _ => return None,
                }
            }
            Some(text)
        }
        Expression::String(s) => Some(s.value().clone()),
        _ => None,
    }
}

/// The span of a parsed node in its file (mapped back when the file was translated).
pub(super) fn span_of(file: &SourceFile, node: &impl hcl_edit::Span) -> Option<Span> {
    node.span().map(|r| file.parsed_span(r))
}

/// The block's first line: `resource "aws_s3_bucket" "logs" {`.
pub(super) fn header_span(file: &SourceFile, block: &Block) -> Span {
    let Some(range) = block.span() else {
        return Span::default();
    };
    if let Some(header) = file.translated_header(range.start) {
        return header;
    }
    let range = file.parsed_span(range);
    let line_end = file
        .text
        .get(range.start..)
        .and_then(|rest| rest.find('\n'))
        .map_or(range.end, |i| range.start + i);
    Span::new(range.start, line_end.min(range.end))
}

/// `path.module` as Terraform shows it: relative to the root module, with `..` steps when
/// the module lies outside the root's folder (`live/` calling `../modules/iam`).
pub(super) fn relative_display(root: &Path, dir: &Path) -> String {
    let root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let dir = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    let root_parts: Vec<_> = root.components().collect();
    let dir_parts: Vec<_> = dir.components().collect();
    let common = root_parts
        .iter()
        .zip(&dir_parts)
        .take_while(|(a, b)| a == b)
        .count();
    let mut relative = PathBuf::new();
    for _ in common..root_parts.len() {
        relative.push("..");
    }
    for part in dir_parts.iter().skip(common) {
        relative.push(part);
    }
    if relative.as_os_str().is_empty() {
        ".".to_string()
    } else {
        display_path(&relative)
    }
}
