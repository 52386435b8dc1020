//! TEMPORARY STUB (being replaced by the plan JSON parser).
use std::sync::Arc;

use crate::ir::Document;
use crate::parse::ParseError;
use crate::source::SourceFile;

pub fn parse(_file: Arc<SourceFile>) -> Result<Document, ParseError> {
    Err(ParseError::new(
        "terraform plan input is not supported yet",
        None,
    ))
}
