//! Rejects recursive rules and functions when policies load, as OPA does
//! (`rego_recursion_error`). regorus checks rule cycles only while evaluating, and never for
//! functions: `f(x) if f(x + 1)` would recurse until the stack overflows and the process
//! aborts. A rule may come from the scanned tree's own `tenet.toml`, so this must hold for
//! every rule tenet loads.
//!
//! The check builds the graph of which rule or function refers to which (through the parsed
//! AST regorus exposes) and looks for a cycle. References are resolved as regorus resolves
//! them: `data.…` paths, import aliases, and names of the same package. It errs on the safe
//! side: a local variable named like a rule of its package counts as a reference to it.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use regorus::unstable::{Expr, Literal, Module, Query, Ref, Rule, RuleHead};
use regorus::utils::get_path_string;

/// A cycle, as the rule paths it passes through (`data.p.f`, `data.p.g`, `data.p.f`).
pub type Cycle = Vec<String>;

/// The first recursive cycle among `modules`, if any.
pub fn find_cycle(modules: &[Ref<Module>]) -> anyhow::Result<Option<Cycle>> {
    let mut definitions = Vec::new();
    for module in modules {
        let package = get_path_string(&module.package.refr, Some("data"))?;
        let mut imports = HashMap::new();
        for import in &module.imports {
            let target = get_path_string(&import.refr, None)?;
            if !target.starts_with("data.") {
                continue; // rego.v1, future.keywords, input
            }
            let alias = import.r#as.as_ref().map_or_else(
                || target.rsplit('.').next().unwrap_or_default().to_string(),
                |span| span.text().to_string(),
            );
            imports.insert(alias, target);
        }
        for rule in &module.policy {
            let mut refs = Vec::new();
            let head = match rule.as_ref() {
                Rule::Default { refr, value, .. } => {
                    visit_expr(value, &mut refs);
                    refr
                }
                Rule::Spec { head, bodies, .. } => {
                    let refr = match head {
                        RuleHead::Compr { refr, assign, .. } => {
                            if let Some(assign) = assign {
                                visit_expr(&assign.value, &mut refs);
                            }
                            refr
                        }
                        RuleHead::Set { refr, key, .. } => {
                            if let Some(key) = key {
                                visit_expr(key, &mut refs);
                            }
                            refr
                        }
                        RuleHead::Func {
                            refr, args, assign, ..
                        } => {
                            for arg in args {
                                visit_expr(arg, &mut refs);
                            }
                            if let Some(assign) = assign {
                                visit_expr(&assign.value, &mut refs);
                            }
                            refr
                        }
                    };
                    for body in bodies {
                        if let Some(assign) = &body.assign {
                            visit_expr(&assign.value, &mut refs);
                        }
                        visit_query(&body.query, &mut refs);
                    }
                    refr
                }
            };
            let path = static_prefix(head, &package);
            definitions.push((path, package.clone(), imports.clone(), refs));
        }
    }

    let defined: BTreeSet<String> = definitions.iter().map(|d| d.0.clone()).collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (path, package, imports, refs) in &definitions {
        let edges = graph.entry(path.clone()).or_default();
        for parts in refs {
            let Some(first) = parts.first() else {
                continue;
            };
            let rest = parts.get(1..).unwrap_or_default();
            let absolute = match first.as_str() {
                "data" => parts.join("."),
                "input" => continue,
                alias => match imports.get(alias) {
                    Some(target) => std::iter::once(target.clone())
                        .chain(rest.iter().cloned())
                        .collect::<Vec<_>>()
                        .join("."),
                    None => format!("{package}.{}", parts.join(".")),
                },
            };
            // Rules the reference names, is inside of, or contains: the reference itself and
            // its prefixes (`data.p.a` of `data.p.a.b`), and the rules below it
            // (`data.p.a.b` of `data.p.a`). Ordered lookups keep this linear in the rules.
            for (end, _) in absolute
                .match_indices('.')
                .chain(std::iter::once((absolute.len(), "")))
            {
                if let Some(prefix) = absolute.get(..end)
                    && defined.contains(prefix)
                {
                    edges.insert(prefix.to_string());
                }
            }
            for target in defined
                .range::<str, _>((
                    std::ops::Bound::Excluded(absolute.as_str()),
                    std::ops::Bound::Unbounded,
                ))
                .take_while(|t| t.starts_with(absolute.as_str()))
                .filter(|t| is_under(t, &absolute))
            {
                edges.insert(target.clone());
            }
        }
    }
    Ok(first_cycle(&graph))
}

/// `a` is `b` or a path inside it.
fn is_under(a: &str, b: &str) -> bool {
    a == b || a.strip_prefix(b).is_some_and(|rest| rest.starts_with('.'))
}

/// The static part of a rule head (`deny`, `a.b` of `a.b[x]`), as an absolute path.
fn static_prefix(head: &Expr, package: &str) -> String {
    let mut parts = Vec::new();
    collect_ref(head, &mut parts, &mut Vec::new());
    format!("{package}.{}", parts.join("."))
}

/// Appends the fixed path of a reference chain to `parts`; dynamic indexes cut the path there
/// and their expressions are visited for references of their own.
fn collect_ref(expr: &Expr, parts: &mut Vec<String>, refs: &mut Vec<Vec<String>>) {
    match expr {
        Expr::Var { span, .. } => parts.push(span.text().to_string()),
        Expr::RefDot { refr, field, .. } => {
            collect_ref(refr, parts, refs);
            if !parts.is_empty() {
                parts.push(field.0.text().to_string());
            }
        }
        Expr::RefBrack { refr, index, .. } => {
            collect_ref(refr, parts, refs);
            match index.as_ref() {
                Expr::String { value, .. } | Expr::RawString { value, .. } if !parts.is_empty() => {
                    parts.push(value.as_string().map(|s| s.to_string()).unwrap_or_default());
                }
                dynamic => {
                    visit_expr(dynamic, refs);
                    // Nothing after a dynamic index is fixed: stop extending this path.
                    refs.push(std::mem::take(parts));
                }
            }
        }
        other => visit_expr(other, refs),
    }
}

fn visit_ref(expr: &Expr, refs: &mut Vec<Vec<String>>) {
    let mut parts = Vec::new();
    collect_ref(expr, &mut parts, refs);
    if !parts.is_empty() {
        refs.push(parts);
    }
}

fn visit_expr(expr: &Expr, refs: &mut Vec<Vec<String>>) {
    match expr {
        Expr::Var { .. } | Expr::RefDot { .. } | Expr::RefBrack { .. } => visit_ref(expr, refs),
        Expr::Call { fcn, params, .. } => {
            visit_ref(fcn, refs);
            for param in params {
                visit_expr(param, refs);
            }
        }
        Expr::Array { items, .. } | Expr::Set { items, .. } => {
            for item in items {
                visit_expr(item, refs);
            }
        }
        Expr::Object { fields, .. } => {
            for (_, key, value) in fields {
                visit_expr(key, refs);
                visit_expr(value, refs);
            }
        }
        Expr::ArrayCompr { term, query, .. } | Expr::SetCompr { term, query, .. } => {
            visit_expr(term, refs);
            visit_query(query, refs);
        }
        Expr::ObjectCompr {
            key, value, query, ..
        } => {
            visit_expr(key, refs);
            visit_expr(value, refs);
            visit_query(query, refs);
        }
        Expr::UnaryExpr { expr, .. } => visit_expr(expr, refs),
        Expr::BinExpr { lhs, rhs, .. }
        | Expr::BoolExpr { lhs, rhs, .. }
        | Expr::ArithExpr { lhs, rhs, .. }
        | Expr::AssignExpr { lhs, rhs, .. } => {
            visit_expr(lhs, refs);
            visit_expr(rhs, refs);
        }
        Expr::Membership {
            key,
            value,
            collection,
            ..
        } => {
            if let Some(key) = key {
                visit_expr(key, refs);
            }
            visit_expr(value, refs);
            visit_expr(collection, refs);
        }
        _ => {}
    }
}

fn visit_query(query: &Query, refs: &mut Vec<Vec<String>>) {
    for statement in &query.stmts {
        match &statement.literal {
            Literal::SomeVars { .. } => {}
            Literal::SomeIn {
                key,
                value,
                collection,
                ..
            } => {
                if let Some(key) = key {
                    visit_expr(key, refs);
                }
                visit_expr(value, refs);
                visit_expr(collection, refs);
            }
            Literal::Expr { expr, .. } | Literal::NotExpr { expr, .. } => visit_expr(expr, refs),
            Literal::Every { domain, query, .. } => {
                visit_expr(domain, refs);
                visit_query(query, refs);
            }
        }
        for modifier in &statement.with_mods {
            visit_expr(&modifier.refr, refs);
            visit_expr(&modifier.r#as, refs);
        }
    }
}

/// Depth-first search with colours, iteratively (the graph may be as deep as it is large):
/// any edge back to a node on the current path, a self-loop included, is recursion.
fn first_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Cycle> {
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        OnPath,
        Done,
    }
    let mut state: HashMap<&str, State> = HashMap::new();
    for start in graph.keys() {
        if state.contains_key(start.as_str()) {
            continue;
        }
        let mut path: Vec<&str> = vec![start];
        let mut pending: Vec<std::collections::btree_set::Iter<'_, String>> =
            vec![graph.get(start).map(BTreeSet::iter).unwrap_or_default()];
        state.insert(start, State::OnPath);
        while let Some(edges) = pending.last_mut() {
            match edges.next() {
                Some(next) => match state.get(next.as_str()) {
                    Some(State::OnPath) => {
                        let from = path.iter().position(|p| *p == next.as_str())?;
                        let mut cycle: Cycle = path
                            .get(from..)
                            .unwrap_or_default()
                            .iter()
                            .map(|p| (*p).to_string())
                            .collect();
                        cycle.push(next.clone());
                        return Some(cycle);
                    }
                    Some(State::Done) => {}
                    None => {
                        state.insert(next, State::OnPath);
                        path.push(next);
                        pending.push(graph.get(next).map(BTreeSet::iter).unwrap_or_default());
                    }
                },
                None => {
                    pending.pop();
                    if let Some(done) = path.pop() {
                        state.insert(done, State::Done);
                    }
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cycle_in(policies: &[&str]) -> Option<Cycle> {
        let mut rego = regorus::Engine::new();
        for (i, policy) in policies.iter().enumerate() {
            rego.add_policy(format!("p{i}.rego"), (*policy).to_string())
                .unwrap();
        }
        find_cycle(rego.get_modules()).unwrap()
    }

    #[test]
    fn recursive_functions_and_rules_are_found() {
        assert_eq!(
            cycle_in(&["package t\nloop(x) if loop(x + 1)\n"]),
            Some(vec!["data.t.loop".to_string(), "data.t.loop".to_string()])
        );
        let mutual = cycle_in(&["package t\nf(x) := g(x)\ng(x) := y if { y := f(x) }\n"]);
        assert_eq!(mutual.map(|c| c.len()), Some(3));
        let across = cycle_in(&[
            "package a\nimport data.b\nx if b.y\n",
            "package b\ny if data.a.x\n",
        ]);
        assert!(across.is_some());
    }

    #[test]
    fn ordinary_policies_have_no_cycle() {
        assert_eq!(
            cycle_in(&[
                "package lib\nhelper(x) := x + 1\n",
                "package t\nimport data.lib\ndeny contains msg if {\n  some r in input.resources\n  lib.helper(1) == 2\n  msg := r.name\n}\n",
            ]),
            None
        );
    }
}
