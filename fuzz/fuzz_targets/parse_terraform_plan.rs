//! `cargo +nightly fuzz run parse_terraform_plan`: the body is `tenet::parse::fuzz::terraform_plan`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Err(problem) = tenet::parse::fuzz::terraform_plan(data) {
        panic!("{problem}");
    }
});
