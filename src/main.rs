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
            if error.chain().any(|e| {
                e.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
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
