//! TEMPORARY STUB (being replaced by the real parser).
use crate::ir::Document;
use crate::parse::ParseError;
use crate::source::SourceFile;
use std::sync::Arc;
pub fn parse(_file: Arc<SourceFile>) -> Result<Document, ParseError> {
    Err(ParseError::new("stub", None))
}
