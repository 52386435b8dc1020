//! `cargo +nightly fuzz run parse_terraform`: the body is `tenet::parse::fuzz::terraform`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Err(problem) = tenet::parse::fuzz::terraform(data) {
        panic!("{problem}");
    }
});
