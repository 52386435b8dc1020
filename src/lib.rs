//! tenet: a policy-as-code linter and compliance auditor for infrastructure as code.
//!
//! ```text
//! discover ─► parse (one parser per input kind) ─► ir::Document
//!    ─► engine (Rego compiled once, evaluated in parallel) ─► findings ─► report
//! ```
//!
//! Each stage is one module: [`discover`], [`parse`], [`ir`], [`engine`], [`findings`],
//! [`report`], with [`scan`] running them in order and [`cli`] on top.

pub mod backup;
pub mod baseline;
pub mod boundary;
pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod discover;
pub mod engine;
pub mod findings;
pub mod ir;
pub mod parse;
pub mod report;
pub mod rules;
pub mod scan;
pub mod source;
pub mod suppress;
