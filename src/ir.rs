//! The intermediate representation every parser produces and every rule reads as `input`.
//!
//! The serialised form of [`Document`] is the contract with rule authors (see `docs/ir.md`).
//! Source spans are kept beside the attributes in [`SpanMap`], never inside them, so rules see
//! only configuration.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::source::{SourceFile, Span};

/// The kinds of input tenet understands. Rule metadata names them in `targets`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum InputKind {
    Terraform,
    TerraformPlan,
    Kubernetes,
    Dockerfile,
}

impl InputKind {
    pub const ALL: [InputKind; 4] = [
        InputKind::Terraform,
        InputKind::TerraformPlan,
        InputKind::Kubernetes,
        InputKind::Dockerfile,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            InputKind::Terraform => "terraform",
            InputKind::TerraformPlan => "terraform-plan",
            InputKind::Kubernetes => "kubernetes",
            InputKind::Dockerfile => "dockerfile",
        }
    }
}

impl fmt::Display for InputKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One step of an attribute path: an object key or an array index.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(untagged)]
pub enum PathSegment {
    Index(usize),
    Key(String),
}

impl fmt::Display for PathSegment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PathSegment::Index(i) => write!(f, "[{i}]"),
            PathSegment::Key(k) => f.write_str(k),
        }
    }
}

/// A path into a resource's `attributes`, e.g. `spec.containers[0].image`.
pub type AttrPath = Vec<PathSegment>;

/// Renders a path the way users read it: `spec.containers[0].securityContext`.
pub fn display_path(path: &[PathSegment]) -> String {
    let mut out = String::new();
    for segment in path {
        match segment {
            PathSegment::Index(i) => out.push_str(&format!("[{i}]")),
            PathSegment::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
        }
    }
    out
}

/// Where each attribute of one resource is written: the header (the resource's first line)
/// and the span of every attribute path that exists in the source.
#[derive(Debug, Default, Clone)]
pub struct SpanMap {
    pub header: Span,
    pub attributes: HashMap<AttrPath, Span>,
    /// The file of each attribute written in another file than the resource (a Terraform
    /// override file); every other span is in the resource's `file`.
    pub files: HashMap<AttrPath, String>,
}

impl SpanMap {
    pub fn new(header: Span) -> Self {
        SpanMap {
            header,
            attributes: HashMap::new(),
            files: HashMap::new(),
        }
    }

    /// The span of the deepest existing prefix of `path`, else the header.
    pub fn resolve(&self, path: &[PathSegment]) -> Span {
        self.locate(path).0
    }

    /// The span of the deepest existing prefix of `path` (else the header) and, when it is
    /// in another file than the resource, that file.
    pub fn locate(&self, path: &[PathSegment]) -> (Span, Option<&str>) {
        (1..=path.len())
            .rev()
            .find_map(|n| {
                let prefix = path.get(..n)?;
                let span = self.attributes.get(prefix)?;
                Some((*span, self.files.get(prefix).map(String::as_str)))
            })
            .unwrap_or((self.header, None))
    }
}

/// One resource: a Terraform resource instance, a Kubernetes object, a Dockerfile stage.
#[derive(Debug, Clone, Serialize)]
pub struct Resource {
    /// Unique within its document; findings and fingerprints name it.
    pub address: String,
    #[serde(rename = "type")]
    pub resource_type: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub module: Option<String>,
    /// Kubernetes only: `metadata.namespace` (null when the manifest does not set it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub namespace: Option<serde_json::Value>,
    /// Display path of the file that declares the resource.
    pub file: String,
    pub attributes: serde_json::Value,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub references: BTreeMap<String, Vec<String>>,
    /// Terraform only: for each attribute path whose value is a variable's default, the
    /// variable entries (`var.name`) it came from; the literal is judged at the default.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub defaults: BTreeMap<String, Vec<String>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unknown: Vec<String>,
    /// Terraform only: what is known of an unknown string attribute built by a template or
    /// `jsonencode`, by display path: `"${…}/app:latest"` (each unknown interpolation is
    /// `${…}`), or the JSON text with unknown parts as `null`. The attribute itself stays
    /// unknown; rules that can judge partial text (image references, policy documents) opt in.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub partial: BTreeMap<String, String>,
    /// Terraform only: the values an unknown attribute can take when it is a conditional whose
    /// condition is unknown and whose branches are known (`var.global ? "A" : "B"` gives
    /// `["A", "B"]`), by display path. The attribute itself stays unknown.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub alternatives: BTreeMap<String, Vec<serde_json::Value>>,
    #[serde(skip)]
    pub spans: SpanMap,
}

impl Resource {
    /// A Terraform variable or provider configuration entry (mode `variable` or `provider`):
    /// in the IR for the literals it holds, not a resource of the infrastructure.
    pub fn is_configuration_entry(&self) -> bool {
        matches!(self.mode.as_deref(), Some("variable" | "provider"))
    }

    /// A resource with the common fields set and everything optional empty.
    pub fn new(
        address: String,
        resource_type: String,
        name: String,
        file: String,
        attributes: serde_json::Value,
        spans: SpanMap,
    ) -> Self {
        Resource {
            address,
            resource_type,
            name,
            mode: None,
            provider: None,
            module: None,
            namespace: None,
            file,
            attributes,
            references: BTreeMap::new(),
            defaults: BTreeMap::new(),
            unknown: Vec::new(),
            partial: BTreeMap::new(),
            alternatives: BTreeMap::new(),
            spans,
        }
    }
}

/// One unit of evaluation: a Terraform module tree, a Kubernetes file, a Dockerfile.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    pub kind: InputKind,
    /// Display path of the file or module directory.
    pub path: String,
    pub resources: Vec<Resource>,
    /// Kind-specific document-level fields (Dockerfile `global_args`, Terraform `providers`).
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
    /// The files this document was built from, for locations and snippets.
    #[serde(skip)]
    pub files: Vec<Arc<SourceFile>>,
    /// When files were named on the command line, only findings in them are reported (the
    /// rest of their module is context).
    #[serde(skip)]
    pub report_only: Option<std::collections::BTreeSet<String>>,
}

impl Document {
    pub fn new(kind: InputKind, path: String, files: Vec<Arc<SourceFile>>) -> Self {
        Document {
            kind,
            path,
            resources: Vec::new(),
            extra: serde_json::Map::new(),
            files,
            report_only: None,
        }
    }

    pub fn file(&self, display: &str) -> Option<&Arc<SourceFile>> {
        self.files.iter().find(|f| f.display == display)
    }

    pub fn resource(&self, address: &str) -> Option<&Resource> {
        self.resources.iter().find(|r| r.address == address)
    }

    /// The Rego `input` for this document: the document, plus `types`, the positions in
    /// `resources` of each resource type (Kubernetes kind, Dockerfile stage), which the rule
    /// libraries look resources up by (`terraform.resources(type)`), so that a rule's cost
    /// does not grow with the resources of other types.
    pub fn to_input(&self) -> serde_json::Result<serde_json::Value> {
        let mut input = serde_json::to_value(self)?;
        let mut types: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (i, resource) in self.resources.iter().enumerate() {
            types
                .entry(resource.resource_type.as_str())
                .or_default()
                .push(i);
        }
        if let Some(object) = input.as_object_mut() {
            object.insert("types".to_string(), serde_json::to_value(types)?);
        }
        Ok(input)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(k: &str) -> PathSegment {
        PathSegment::Key(k.to_string())
    }

    #[test]
    fn resolve_falls_back_to_the_deepest_existing_prefix_then_the_header() {
        let mut spans = SpanMap::new(Span::new(0, 5));
        spans
            .attributes
            .insert(vec![key("spec"), PathSegment::Index(0)], Span::new(10, 20));
        let deep = [key("spec"), PathSegment::Index(0), key("securityContext")];
        assert_eq!(spans.resolve(&deep), Span::new(10, 20));
        assert_eq!(spans.resolve(&[key("metadata")]), Span::new(0, 5));
        assert_eq!(spans.resolve(&[]), Span::new(0, 5));
    }

    #[test]
    fn paths_display_like_attribute_access() {
        let path = [
            key("spec"),
            key("containers"),
            PathSegment::Index(2),
            key("image"),
        ];
        assert_eq!(display_path(&path), "spec.containers[2].image");
    }
}
