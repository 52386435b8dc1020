//! `cargo +nightly fuzz run eval_terraform`: the body is `tenet::parse::fuzz::terraform_eval`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Err(problem) = tenet::parse::fuzz::terraform_eval(data) {
        panic!("{problem}");
    }
});
