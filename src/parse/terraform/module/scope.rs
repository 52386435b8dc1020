//! The scope of one expression: how a reference (`var.`, `local.`, `module.`, a resource,
//! `each`, `count`, `path`, …) resolves inside a module instance.

use super::*;

/// The scope of one expression: its module instance and `count.index`/`each`.
pub(super) struct Scope<'i, 'p, 'a> {
    pub(super) instance: &'i Instance<'p, 'a>,
    pub(super) count_index: Option<Value>,
    pub(super) each: Option<(Value, Value)>,
    /// Addresses of the resources the expression refers to.
    pub(super) refs: RefCell<BTreeSet<String>>,
    /// What the block's `for_each` expression refers to: `each.key`/`each.value` carry it.
    pub(super) each_refs: BTreeSet<String>,
}

impl<'i, 'p, 'a> Scope<'i, 'p, 'a> {
    pub(super) fn new(
        instance: &'i Instance<'p, 'a>,
        count_index: Option<Value>,
        each: Option<(Value, Value)>,
    ) -> Self {
        Scope {
            instance,
            count_index,
            each,
            refs: RefCell::default(),
            each_refs: BTreeSet::new(),
        }
    }

    /// What `each.value` refers to: the instance of the same key when `for_each` iterates
    /// over a resource's instances (`for_each = aws_s3_bucket.b`), else everything the
    /// `for_each` expression refers to (a map built from several resources).
    fn each_value_refs(&self, key: &Value) -> Vec<String> {
        let suffix = key.as_str().map(|k| format!("[{}]", quote(k)));
        let same_key: Vec<String> = self
            .each_refs
            .iter()
            .filter(|r| suffix.as_ref().is_some_and(|s| r.ends_with(s.as_str())))
            .cloned()
            .collect();
        if same_key.is_empty() {
            self.each_refs.iter().cloned().collect()
        } else {
            same_key
        }
    }

    pub(super) fn attr_name(operators: &[Decorated<TraversalOperator>], i: usize) -> Option<&str> {
        match operators.get(i)?.value() {
            TraversalOperator::GetAttr(name) => Some(name.value().as_str()),
            _ => None,
        }
    }

    /// The index value of `operators[i]` if it is `[expr]` (evaluated) or `.N`.
    pub(super) fn index_at(
        &self,
        evaluator: &Evaluator<'_>,
        operators: &[Decorated<TraversalOperator>],
        i: usize,
    ) -> Option<Result<Value, EvalError>> {
        match operators.get(i)?.value() {
            TraversalOperator::Index(expr) => Some(evaluator.nested().eval(expr)),
            TraversalOperator::LegacyIndex(n) => Some(Ok(Value::Number(*n.value() as f64))),
            _ => None,
        }
    }

    /// A reference to resource `base` (with expansion), consuming an index if present.
    pub(super) fn reference(
        &self,
        evaluator: &Evaluator<'_>,
        base: String,
        expansion: &Expansion,
        operators: &[Decorated<TraversalOperator>],
        at: usize,
        value: Value,
    ) -> Result<(Value, usize), EvalError> {
        let prefix = self.instance.prefix();
        match expansion {
            Expansion::Single | Expansion::Unknown => {
                self.refs.borrow_mut().insert(format!("{prefix}{base}"));
                Ok((value, at))
            }
            Expansion::Count(_) | Expansion::ForEach(_) => {
                match self.index_at(evaluator, operators, at) {
                    Some(index) => {
                        let index = index?;
                        match expansion.suffix_for(&index) {
                            Some(suffix) => {
                                self.refs
                                    .borrow_mut()
                                    .insert(format!("{prefix}{base}{suffix}"));
                                Ok((value, at + 1))
                            }
                            None if index.is_unknown() => {
                                self.refs.borrow_mut().extend(
                                    expansion
                                        .suffixes()
                                        .into_iter()
                                        .map(|s| format!("{prefix}{base}{s}")),
                                );
                                Ok((Value::Unknown, at + 1))
                            }
                            None => Err(EvalError(format!(
                                "{base} has no instance {}",
                                index.to_template_string().unwrap_or_default()
                            ))),
                        }
                    }
                    None => {
                        self.refs.borrow_mut().extend(
                            expansion
                                .suffixes()
                                .into_iter()
                                .map(|s| format!("{prefix}{base}{s}")),
                        );
                        // The whole collection of instances: a list (count) or map (for_each) of unknown objects.
                        let collection = match expansion {
                            Expansion::Count(n) => Value::List(vec![Value::Unknown; *n]),
                            Expansion::ForEach(pairs) => Value::Object(
                                pairs
                                    .iter()
                                    .map(|(k, _)| (k.clone(), Value::Unknown))
                                    .collect(),
                            ),
                            _ => Value::Unknown,
                        };
                        Ok((collection, at))
                    }
                }
            }
        }
    }
}

impl Env for Scope<'_, '_, '_> {
    fn resolve(
        &self,
        evaluator: &Evaluator<'_>,
        root: &str,
        operators: &[Decorated<TraversalOperator>],
    ) -> Option<Result<(Value, usize), EvalError>> {
        let instance = self.instance;
        let first = Self::attr_name(operators, 0);
        Some(match root {
            "var" => {
                let name = first?;
                match instance.variables.get(name) {
                    Some((value, refs)) => {
                        self.refs.borrow_mut().extend(refs.iter().cloned());
                        Ok((value.clone(), 1))
                    }
                    None => Err(EvalError(format!("no variable `{name}` is declared"))),
                }
            }
            "local" => {
                let name = first?;
                instance.local(name).map(|(value, refs)| {
                    self.refs.borrow_mut().extend(refs);
                    (value, 1)
                })
            }
            "count" => match (first, &self.count_index) {
                (Some("index"), Some(index)) => Ok((index.clone(), 1)),
                _ => Err(EvalError(
                    "`count.index` is only available in a block with `count`".into(),
                )),
            },
            "each" => match (first, &self.each) {
                (Some("key"), Some((key, _))) => Ok((key.clone(), 1)),
                (Some("value"), Some((key, value))) => {
                    self.refs.borrow_mut().extend(self.each_value_refs(key));
                    Ok((value.clone(), 1))
                }
                _ => Err(EvalError(
                    "`each` is only available in a block with `for_each`".into(),
                )),
            },
            "path" => match first {
                Some("module") => Ok((
                    Value::String(relative_display(
                        &instance.project.root_dir,
                        &instance.module.dir,
                    )),
                    1,
                )),
                Some("root") => Ok((Value::String(".".into()), 1)),
                // Terraform runs in the root module: `path.cwd` is its absolute path.
                Some("cwd") => {
                    let root = &instance.project.root_dir;
                    let absolute = std::fs::canonicalize(root).unwrap_or_else(|_| root.clone());
                    Ok((Value::String(absolute.to_string_lossy().into_owned()), 1))
                }
                _ => Err(EvalError("unknown `path` attribute".into())),
            },
            "terraform" => match first {
                Some("workspace") => Ok((Value::String("default".into()), 1)),
                _ => Ok((Value::Unknown, 1)),
            },
            "self" => Ok((Value::Unknown, 0)),
            "module" => {
                let name = first?;
                let Some(outputs) = instance.child(name) else {
                    return Some(Ok((Value::Unknown, operators.len())));
                };
                match &outputs.expansion {
                    Expansion::Single | Expansion::Unknown => {
                        let only = outputs.instances.values().next();
                        let Some(only) = only else {
                            return Some(Ok((Value::Unknown, operators.len())));
                        };
                        // `count`/`for_each` not known: `module.x["k"]` is the one instance
                        // evaluated (with unknown keys); which instance it is, is unknown.
                        let at = if matches!(outputs.expansion, Expansion::Unknown)
                            && self.index_at(evaluator, operators, 1).is_some()
                        {
                            2
                        } else {
                            1
                        };
                        match Self::attr_name(operators, at) {
                            Some(output) => match only.get(output) {
                                Some((value, refs)) => {
                                    self.refs.borrow_mut().extend(refs.iter().cloned());
                                    Ok((value.clone(), at + 1))
                                }
                                None => Err(EvalError(format!(
                                    "module.{name} has no output `{output}`"
                                ))),
                            },
                            // All instances of a module whose instances are not known.
                            None if at == 1 && matches!(outputs.expansion, Expansion::Unknown) => {
                                Ok((Value::Unknown, operators.len()))
                            }
                            None => {
                                for (_, refs) in only.values() {
                                    self.refs.borrow_mut().extend(refs.iter().cloned());
                                }
                                Ok((
                                    Value::Object(
                                        only.iter()
                                            .map(|(k, (v, _))| (k.clone(), v.clone()))
                                            .collect(),
                                    ),
                                    at,
                                ))
                            }
                        }
                    }
                    Expansion::Count(_) | Expansion::ForEach(_) => {
                        let objects: Vec<(String, Value)> = outputs
                            .instances
                            .iter()
                            .map(|(suffix, outs)| {
                                for (_, refs) in outs.values() {
                                    self.refs.borrow_mut().extend(refs.iter().cloned());
                                }
                                (
                                    suffix.clone(),
                                    Value::Object(
                                        outs.iter()
                                            .map(|(k, (v, _))| (k.clone(), v.clone()))
                                            .collect(),
                                    ),
                                )
                            })
                            .collect();
                        let collection = match &outputs.expansion {
                            Expansion::Count(_) => {
                                Value::List(objects.into_iter().map(|(_, v)| v).collect())
                            }
                            _ => Value::Object(
                                outputs
                                    .expansion
                                    .instances()
                                    .into_iter()
                                    .zip(objects)
                                    .filter_map(|((_, _, each), (_, v))| {
                                        Some((each?.0.as_str()?.to_string(), v))
                                    })
                                    .collect(),
                            ),
                        };
                        Ok((collection, 1))
                    }
                }
            }
            "data" => {
                let resource_type = first?;
                let name = Self::attr_name(operators, 1)?;
                let base = format!("data.{resource_type}.{name}");
                let Some((file, block)) = instance.find_block("data", resource_type, name) else {
                    return Some(Err(EvalError(format!(
                        "no data source `{base}` is declared"
                    ))));
                };
                let expansion = instance.expansion("data", file, block, &base);
                if resource_type == "aws_iam_policy_document" {
                    let (value, consumed) = match self.reference(
                        evaluator,
                        base.clone(),
                        &expansion,
                        operators,
                        2,
                        Value::Unknown,
                    ) {
                        Ok(found) => found,
                        Err(e) => return Some(Err(e)),
                    };
                    // Render the addressed instance (a single or indexed one).
                    let index = if consumed > 2 {
                        self.index_at(evaluator, operators, 2).and_then(Result::ok)
                    } else {
                        None
                    };
                    let instance_args = match (&expansion, &index) {
                        (Expansion::Single, _) => Some((String::new(), None, None)),
                        (_, Some(index)) => expansion.instances().into_iter().find(|(s, _, _)| {
                            expansion.suffix_for(index).as_deref() == Some(s.as_str())
                        }),
                        _ => None,
                    };
                    return Some(match instance_args {
                        Some((suffix, count_index, each)) => {
                            let rendered = instance.policy_document(
                                block,
                                file,
                                format!("{base}{suffix}"),
                                count_index,
                                each,
                                &self.refs,
                            );
                            Ok((rendered, consumed))
                        }
                        None => Ok((value, consumed)),
                    });
                }
                let known = instance.region_data_source(block, resource_type);
                self.reference(evaluator, base, &expansion, operators, 2, known)
            }
            // `resource.TYPE.NAME`: Terraform's explicit prefix for a managed resource.
            "resource" => {
                let resource_type = first?;
                let name = Self::attr_name(operators, 1)?;
                let base = format!("{resource_type}.{name}");
                let Some((file, block)) = instance.find_block("resource", resource_type, name)
                else {
                    return Some(Err(EvalError(format!("no resource `{base}` is declared"))));
                };
                let expansion = instance.expansion("resource", file, block, &base);
                self.reference(evaluator, base, &expansion, operators, 2, Value::Unknown)
            }
            resource_type => {
                let name = first?;
                let (file, block) = instance.find_block("resource", resource_type, name)?;
                let base = format!("{resource_type}.{name}");
                let expansion = instance.expansion("resource", file, block, &base);
                self.reference(evaluator, base, &expansion, operators, 1, Value::Unknown)
            }
        })
    }

    /// Terraform resolves relative paths in `file()` and friends against the working
    /// directory, the root module (which is why modules write `"${path.module}/x"`).
    fn module_dir(&self) -> &Path {
        &self.instance.project.root_dir
    }

    fn scan_root(&self) -> &Path {
        &self.instance.project.scan_root
    }

    fn unsupported_function(&self, name: &str) {
        self.instance
            .unsupported
            .borrow_mut()
            .insert(name.to_string());
    }

    fn budget(&self) -> &Budget {
        &self.instance.project.budget
    }
}
