//! `cargo +nightly fuzz run parse_terraform_json`: the body is `tenet::parse::fuzz::terraform_json`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Err(problem) = tenet::parse::fuzz::terraform_json(data) {
        panic!("{problem}");
    }
});
