//! `cargo +nightly fuzz run parse_kubernetes`: the body is `tenet::parse::fuzz::kubernetes`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Err(problem) = tenet::parse::fuzz::kubernetes(data) {
        panic!("{problem}");
    }
});
