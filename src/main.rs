use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use tenet::cli::{Cli, ExitStatus, Fatal, run};

/// Stack of every thread that parses, evaluates or reports: recursion on input is bounded
/// by depth budgets (see docs/security.md) sized to fit in it, with room to spare. Only the
/// pages a thread touches are committed.
const STACK_SIZE: usize = 64 << 20;

/// The Rego interpreter allocates and frees small values on every step; mimalloc makes that
/// cheaper than the system allocator (see docs/benchmarks.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    // A failure to configure the pool only means rayon's default is used.
    let _ = rayon::ThreadPoolBuilder::new()
        .stack_size(STACK_SIZE)
        .build_global();
    let worker = std::thread::Builder::new()
        .name("tenet".to_string())
        .stack_size(STACK_SIZE)
        .spawn(move || main_with(cli));
    match worker.map(std::thread::JoinHandle::join) {
        Ok(Ok(code)) => code,
        // A panic was already printed by the panic hook; spawning can only fail for lack of
        // memory.
        _ => ExitStatus::Error.into(),
    }
}

fn main_with(cli: Cli) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    let mut stderr = std::io::stderr();
    match run(cli, &mut stdout, &mut stderr) {
        Ok(status) => status.into(),
        Err(error) => {
            // A closed pipe (`tenet scan | head`) is not an error.
            if is_broken_pipe(&error) {
                return ExitCode::SUCCESS;
            }
            if error.downcast_ref::<Fatal>().is_none() || error.chain().count() > 1 {
                let _ = writeln!(stderr, "tenet: error: {error:#}");
            } else {
                let _ = writeln!(stderr, "tenet: {error}");
            }
            ExitStatus::Error.into()
        }
    }
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        let kind = cause
            .downcast_ref::<std::io::Error>()
            .map(std::io::Error::kind)
            .or_else(|| {
                cause
                    .downcast_ref::<serde_json::Error>()
                    .and_then(serde_json::Error::io_error_kind)
            });
        kind == Some(std::io::ErrorKind::BrokenPipe)
    })
}
