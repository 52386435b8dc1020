//! `cargo +nightly fuzz run parse_dockerfile`: the body is `tenet::parse::fuzz::dockerfile`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Err(problem) = tenet::parse::fuzz::dockerfile(data) {
        panic!("{problem}");
    }
});
