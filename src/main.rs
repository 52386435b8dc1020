use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use tenet::cli::{Cli, ExitStatus, Fatal, run};

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Deep but legitimate inputs need more than rayon's default stack; a failure to configure
    // the pool only means the default is used.
    let _ = rayon::ThreadPoolBuilder::new()
        .stack_size(16 << 20)
        .build_global();
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
