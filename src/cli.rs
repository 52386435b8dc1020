//! The command line: `tenet scan`, `tenet ir`, `tenet rules list|show|test`.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::time::Duration;

use anyhow::{Context, bail};
use clap::{Args, Parser, Subcommand};

use crate::baseline::{self, Baseline};
use crate::boundary::Boundary;
use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::discover::{Excludes, WalkOptions};
use crate::engine::{DEFAULT_RULE_TIMEOUT, Engine, MAX_RULE_TIMEOUT, MIN_RULE_TIMEOUT};
use crate::ir::{Document, display_path};
use crate::parse::DEFAULT_MAX_FILE_SIZE;
use crate::parse::terraform::budget::EvalLimits;
use crate::parse::terraform::module::{DEFAULT_MAX_INSTANCES, InputVariables};
use crate::report::{self, Format, Style};
use crate::rules::{RuleSet, Severity, test};
use crate::scan::{self, ScanOptions, ScanOutcome};
use crate::suppress::{self, SuppressOptions};

const SCAN_EXAMPLES: &str = "\
Examples:
  tenet scan                              scan the current directory
  tenet scan k8s/ Dockerfile              scan a folder and one file
  tenet scan --format json -o tenet.json  machine-readable output
  tenet scan --format sarif -o tenet.sarif   for GitHub code scanning
  tenet scan --format concise --fail-on high   one line per finding; fail on high or critical
  tenet scan --baseline tenet-baseline.json    report only findings not in the baseline
  tenet scan --select LP011,IM            only LP011 and every IM rule
  tenet scan --rules policies/            add your own rules to the built-ins
  tenet scan --no-config                  ignore tenet.toml

Exit status: 0 no finding at or above --fail-on, 1 findings, 2 usage/rule errors or files that
could not be checked.";

const BASELINE_EXAMPLES: &str = "\
Examples:
  tenet baseline                          record today's findings in tenet-baseline.json
  tenet baseline infra/ -o infra-baseline.json
  tenet scan --baseline tenet-baseline.json    then report only new findings

The baseline holds fingerprints (rule, where the resource lives, its address and the attribute),
not line numbers: a finding stays baselined when lines move or the file is reformatted.";

const IR_EXAMPLES: &str = "\
Examples:
  tenet ir deploy.yaml                    the Rego `input` each rule sees for this file
  tenet ir Dockerfile --spans             with the source line of every attribute";

const RULES_EXAMPLES: &str = "\
Examples:
  tenet rules list                        every built-in rule
  tenet rules list --format json          their metadata, for tools
  tenet rules show LP011                  metadata and remediation of one rule
  tenet rules test                        run ./rules against ./testdata/rules
  tenet rules test policies/              test your own rules (fixtures in policies/testdata)";

/// tenet: policy-as-code linter and compliance auditor for Terraform, Kubernetes and Dockerfiles.
#[derive(Debug, Parser)]
#[command(
    name = "tenet",
    version,
    about,
    after_help = "Run `tenet <command> --help` for examples."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Scan files and directories for security findings.
    #[command(after_help = SCAN_EXAMPLES)]
    Scan(ScanArgs),
    /// Record the current findings as accepted (for `scan --baseline`).
    #[command(after_help = BASELINE_EXAMPLES)]
    Baseline(ScanArgs),
    /// Print the IR (the Rego `input`) of each document, for rule authors.
    #[command(after_help = IR_EXAMPLES)]
    Ir(IrArgs),
    /// List, show and test rules.
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    #[command(
        after_help = "Examples:\n  tenet completions bash > ~/.local/share/bash-completion/completions/tenet\n  tenet completions zsh > \"${fpath[1]}/_tenet\"\n  tenet completions fish > ~/.config/fish/completions/tenet.fish"
    )]
    Completions {
        /// The shell to complete for.
        shell: clap_complete::Shell,
    },
    #[command(subcommand, after_help = RULES_EXAMPLES)]
    Rules(RulesCommand),
}

#[derive(Debug, Args)]
pub struct RuleSource {
    /// Add custom rules from DIR (repeatable).
    ///
    /// Every `.rego` file with a `# METADATA` block under DIR is loaded beside the built-in
    /// rules; files without one are helper libraries. See docs/writing-rules.md.
    #[arg(long = "rules", value_name = "DIR")]
    pub rules: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ScanArgs {
    /// Files and directories to scan.
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Write the report to FILE instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Exit 1 only for findings of this severity or above [default: low, or `fail-on` in
    /// tenet.toml]. Every finding is still reported.
    #[arg(long, value_enum, value_name = "SEVERITY")]
    pub fail_on: Option<Severity>,
    /// Exit 0 even when there are findings (errors still exit 2).
    #[arg(long)]
    pub exit_zero: bool,
    /// Report only findings and errors: no warnings, notes or summary line.
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// Colour text output: `auto` when writing to a terminal and `NO_COLOR` is unset (or
    /// `FORCE_COLOR` is set).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
    /// After the report, print how many findings each rule produced.
    #[arg(long)]
    pub statistics: bool,
    /// Report only findings whose fingerprint is not in FILE (written by `tenet baseline`);
    /// the others are listed as baselined.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    #[command(flatten)]
    pub rule_source: RuleSource,
    /// Run only these rules: ids or id prefixes, comma-separated (e.g. `LP011,IM`).
    #[arg(long, value_delimiter = ',', value_name = "IDS")]
    pub select: Vec<String>,
    /// Do not run these rules: ids or id prefixes, comma-separated.
    #[arg(long, value_delimiter = ',', value_name = "IDS")]
    pub ignore: Vec<String>,
    /// Exit 0/1 even when some files could not be checked (they are still reported).
    ///
    /// By default a file that could not be read or parsed makes the scan exit 2: a file that
    /// was not checked is never reported as clean.
    #[arg(long)]
    pub allow_incomplete: bool,
    /// Read settings from FILE instead of the nearest `tenet.toml`.
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,
    /// Do not read any `tenet.toml`.
    ///
    /// By default the nearest `tenet.toml` in or above the first scanned path supplies
    /// `select`, `ignore`, `rules`, `exclude`, `max-file-size` and `rule-timeout`; command-line
    /// flags win over it (`--ignore` and `--rules` add to it).
    #[arg(long)]
    pub no_config: bool,
    /// Largest file to read, in bytes; larger files are reported as not checked [default: 10 MiB].
    #[arg(long, value_name = "BYTES")]
    pub max_file_size: Option<u64>,
    /// Stop a rule that runs longer than this on one document, in seconds (0.001 to 3600)
    /// [default: 10].
    #[arg(long, value_name = "SECONDS")]
    pub rule_timeout: Option<f64>,
    #[command(flatten)]
    pub boundary: BoundaryArgs,
    #[command(flatten)]
    pub terraform: TerraformArgs,
}

/// What tenet may read (scan and ir). See docs/security.md.
#[derive(Debug, Args)]
pub struct BoundaryArgs {
    /// Read nothing outside DIR [default: the git work tree holding each scanned path, else
    /// the path itself].
    ///
    /// Symbolic links, Terraform module sources and `file()` paths that lead out of it are
    /// not followed (a warning says so).
    #[arg(long, value_name = "DIR")]
    pub root: Option<PathBuf>,
    /// Disregard `.gitignore`, `.ignore` and `.tenetignore` files (for untrusted trees: they
    /// come from the tree and could hide files from the scan).
    #[arg(long)]
    pub no_ignore_files: bool,
}

/// Terraform evaluation settings (scan and ir).
#[derive(Debug, Args)]
pub struct TerraformArgs {
    /// Set a Terraform root-module variable (repeatable), like `terraform plan -var`.
    #[arg(long = "var", value_name = "NAME=VALUE")]
    pub vars: Vec<String>,
    /// Read Terraform variables from a tfvars FILE (repeatable; JSON when it ends in `.json`),
    /// after the module's own.
    #[arg(long = "var-file", value_name = "FILE")]
    pub var_files: Vec<PathBuf>,
    /// Most instances one Terraform `count` or `for_each` may expand to.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_INSTANCES)]
    pub max_instances: usize,
    /// Stop evaluating a Terraform root module after this many seconds [default: 30].
    #[arg(long, value_name = "SECONDS")]
    pub eval_timeout: Option<f64>,
    /// Stop evaluating a Terraform root module once its values total this many MiB
    /// [default: 512].
    #[arg(long, value_name = "MIB")]
    pub eval_memory: Option<u64>,
}

impl TerraformArgs {
    /// Evaluation budgets: flags, else `tenet.toml`, else the defaults.
    fn limits(&self, config: &Config) -> anyhow::Result<EvalLimits> {
        let mut limits = EvalLimits::default();
        if let Some(seconds) = self.eval_timeout.or(config.eval_timeout) {
            if !(0.001..=86_400.0).contains(&seconds) {
                bail!(
                    "the evaluation timeout must be between 0.001 and 86400 seconds, not {seconds}"
                );
            }
            limits.timeout = Duration::from_secs_f64(seconds);
        }
        if let Some(mib) = self.eval_memory.or(config.eval_memory) {
            if !(1..=1_048_576).contains(&mib) {
                bail!("the evaluation memory budget must be between 1 and 1048576 MiB, not {mib}");
            }
            limits.max_bytes = mib * 1024 * 1024;
        }
        Ok(limits)
    }

    fn variables(&self) -> anyhow::Result<InputVariables> {
        let mut variables = InputVariables::default();
        for file in &self.var_files {
            variables.add_var_file(file).map_err(anyhow::Error::msg)?;
        }
        for var in &self.vars {
            variables.add_var(var).map_err(anyhow::Error::msg)?;
        }
        Ok(variables)
    }
}

#[derive(Debug, Args)]
pub struct IrArgs {
    /// A file or directory.
    pub path: PathBuf,
    /// Also print the source location of every attribute path.
    #[arg(long)]
    pub spans: bool,
    /// Largest file to read, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_FILE_SIZE)]
    pub max_file_size: u64,
    #[command(flatten)]
    pub boundary: BoundaryArgs,
    #[command(flatten)]
    pub terraform: TerraformArgs,
}

#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// List the rules (built-in, `--rules DIR`, and the TN rules about suppressions).
    List {
        #[command(flatten)]
        rule_source: RuleSource,
        /// `text`: one line per rule; `json`: every rule's metadata.
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Show one rule's metadata, description and remediation.
    Show {
        /// Rule id, e.g. LP011.
        id: String,
        #[command(flatten)]
        rule_source: RuleSource,
    },
    /// Test rules against their fixtures (and Rego `test_*` rules).
    Test {
        /// Directory of rules [default: ./rules].
        dir: Option<PathBuf>,
        /// Fixture directory [default: DIR/testdata, else DIR/../testdata/rules].
        #[arg(long, value_name = "DIR")]
        fixtures: Option<PathBuf>,
        /// Test only this rule id.
        #[arg(long, value_name = "ID")]
        rule: Option<String>,
    },
}

/// Output of `tenet rules list`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ListFormat {
    Text,
    Json,
}

/// When text output is coloured.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Whether to colour output going to a terminal (`terminal`) or not, given the
    /// `NO_COLOR` and `FORCE_COLOR` conventions (no-color.org, force-color.org).
    pub fn enabled(self, terminal: bool) -> bool {
        let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty() && v != "0");
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto if set("FORCE_COLOR") => true,
            ColorChoice::Auto => terminal && !set("NO_COLOR"),
        }
    }
}

/// How the process ends: 0 clean, 1 findings, 2 errors (usage, config, rules, unchecked files).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExitStatus {
    Clean,
    Findings,
    Error,
}

impl From<ExitStatus> for std::process::ExitCode {
    fn from(status: ExitStatus) -> Self {
        std::process::ExitCode::from(match status {
            ExitStatus::Clean => 0,
            ExitStatus::Findings => 1,
            ExitStatus::Error => 2,
        })
    }
}

/// A failure that ends the command with exit 2 after its diagnostics were printed.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct Fatal(pub String);

pub fn run(cli: Cli, stdout: &mut dyn Write, stderr: &mut dyn Write) -> anyhow::Result<ExitStatus> {
    match cli.command {
        Command::Scan(args) => run_scan(args, stdout, stderr),
        Command::Baseline(args) => run_baseline(args, stdout, stderr),
        Command::Ir(args) => run_ir(args, stdout),
        Command::Rules(RulesCommand::List {
            rule_source,
            format,
        }) => run_rules_list(&rule_source, format, stdout, stderr),
        Command::Completions { shell } => {
            let mut command = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut command, "tenet", stdout);
            Ok(ExitStatus::Clean)
        }
        Command::Rules(RulesCommand::Show { id, rule_source }) => {
            run_rules_show(&id, &rule_source, stdout, stderr)
        }
        Command::Rules(RulesCommand::Test {
            dir,
            fixtures,
            rule,
        }) => run_rules_test(dir, fixtures, rule, stdout, stderr),
    }
}

/// Built-in rules plus every `--rules DIR`; rule errors are printed and end the run.
fn load_rules(source: &RuleSource, stderr: &mut dyn Write) -> anyhow::Result<RuleSet> {
    rule_set(source).or_else(|errors| fail_with(errors, stderr))
}

/// Built-in rules plus every `--rules DIR`, or the rule errors.
fn rule_set(source: &RuleSource) -> Result<RuleSet, Vec<Diagnostic>> {
    let mut set = RuleSet::builtin()?;
    for dir in &source.rules {
        set.extend(RuleSet::load_dir(dir)?)?;
    }
    Ok(set)
}

fn fail_with<T>(errors: Vec<Diagnostic>, stderr: &mut dyn Write) -> anyhow::Result<T> {
    for error in &errors {
        writeln!(stderr, "{error}")?;
    }
    Err(Fatal(format!("{} rule error(s)", errors.len())).into())
}

/// Indices of the rules to run: all but deprecated, narrowed by `--select`, minus `--ignore`.
fn select_rules(set: &RuleSet, select: &[String], ignore: &[String]) -> anyhow::Result<Vec<usize>> {
    let matches = rule_matches;
    for pattern in select.iter().chain(ignore) {
        let tn = suppress::meta_rules::rules()
            .iter()
            .any(|r| matches(pattern, &r.meta.id));
        if !tn && !set.rules.iter().any(|r| matches(pattern, &r.meta.id)) {
            bail!("`{pattern}` matches no rule (see `tenet rules list`)");
        }
    }
    Ok(set
        .rules
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.meta.deprecated)
        .filter(|(_, r)| select.is_empty() || select.iter().any(|p| matches(p, &r.meta.id)))
        .filter(|(_, r)| !ignore.iter().any(|p| matches(p, &r.meta.id)))
        .map(|(i, _)| i)
        .collect())
}

/// Whether a `--select`/`--ignore` pattern (an id or an id prefix) matches rule `id`.
fn rule_matches(pattern: &str, id: &str) -> bool {
    id.starts_with(&pattern.trim().to_ascii_uppercase())
}

/// The suppressions of `config` and the TN rules that run (selected like any other rule).
fn suppress_options(
    config: &Config,
    set: &RuleSet,
    selected: &[usize],
    select: &[String],
    ignore: &[String],
) -> SuppressOptions {
    let meta_rules = suppress::meta_rules::rules()
        .iter()
        .map(|r| r.meta.id.clone())
        .filter(|id| select.is_empty() || select.iter().any(|p| rule_matches(p, id)))
        .filter(|id| !ignore.iter().any(|p| rule_matches(p, id)))
        .collect();
    // Shown relative to the working directory, as findings are.
    let cwd = std::env::current_dir().ok();
    let config_file = config
        .file
        .as_deref()
        .map(|file| {
            let relative = cwd
                .as_deref()
                .and_then(|cwd| file.strip_prefix(cwd).ok())
                .unwrap_or(file);
            crate::discover::display_path(relative)
        })
        .unwrap_or_default();
    let config_dir = std::fs::canonicalize(if config.root.as_os_str().is_empty() {
        std::path::Path::new(".")
    } else {
        config.root.as_path()
    })
    .unwrap_or_else(|_| config.root.clone());
    SuppressOptions {
        config: config.suppress.clone(),
        config_file,
        config_dir,
        known_rules: set
            .rules
            .iter()
            .chain(suppress::meta_rules::rules())
            .map(|r| r.meta.id.clone())
            .collect(),
        ran: selected
            .iter()
            .filter_map(|&i| set.rules.get(i))
            .map(|r| r.meta.id.clone())
            .collect(),
        meta_rules,
        today: suppress::today(),
    }
}

/// The `tenet.toml` in effect: `--config`, else the nearest one, unless `--no-config`.
fn load_config(args: &ScanArgs) -> anyhow::Result<Config> {
    if args.no_config {
        return Ok(Config::default());
    }
    let first = args
        .paths
        .first()
        .map_or(std::path::Path::new("."), |p| p.as_path());
    if let Some(path) = &args.config {
        return Ok(Config::load(path)?);
    }
    let boundary = Boundary::new(&args.paths, args.boundary.root.as_deref())
        .with_context(|| format!("{}", first.display()))?;
    Ok(match Config::find(first, &boundary) {
        Some(path) => {
            let config = Config::load(&path)?;
            config.check_rules_inside(&boundary)?;
            config
        }
        None => Config::default(),
    })
}

/// A scan run to its outcome, or ended early (rules that failed to load) with its status.
enum Scanned {
    Outcome(Box<(ScanOutcome, Config)>),
    Ended(ExitStatus),
}

fn scan_for(
    args: &ScanArgs,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> anyhow::Result<Scanned> {
    let config = load_config(args)?;
    let rule_source = RuleSource {
        rules: config
            .rules
            .iter()
            .chain(&args.rule_source.rules)
            .cloned()
            .collect(),
    };
    let mut set = match rule_set(&rule_source) {
        Ok(set) => set,
        Err(errors) => {
            return report_rule_errors(args, errors, stdout, stderr).map(Scanned::Ended);
        }
    };
    for (id, severity) in &config.severity {
        let id = id.to_ascii_uppercase();
        match set.rules.iter_mut().find(|rule| rule.meta.id == id) {
            Some(rule) => {
                rule.meta.severity = *severity;
                rule.severity_fixed = true;
            }
            None => bail!(
                "tenet.toml sets the severity of `{id}`, which is not a rule tenet runs (see `tenet rules list`)"
            ),
        }
    }
    let select = if args.select.is_empty() {
        &config.select
    } else {
        &args.select
    };
    let ignore: Vec<String> = config.ignore.iter().chain(&args.ignore).cloned().collect();
    let selected = select_rules(&set, select, &ignore)?;
    let rule_timeout = rule_timeout(args.rule_timeout.or(config.rule_timeout))?;
    let mut engine = match Engine::new(&set, rule_timeout) {
        Ok(engine) => engine,
        Err(errors) => {
            return report_rule_errors(args, errors, stdout, stderr).map(Scanned::Ended);
        }
    };
    if let Err(error) = engine.set_config(config.rule_data()) {
        return report_rule_errors(args, vec![error], stdout, stderr).map(Scanned::Ended);
    }
    let options = ScanOptions {
        paths: args.paths.clone(),
        max_file_size: args
            .max_file_size
            .or(config.max_file_size)
            .unwrap_or(DEFAULT_MAX_FILE_SIZE),
        walk: WalkOptions {
            excludes: Excludes {
                root: config.root.clone(),
                patterns: config.exclude.clone(),
            },
            no_ignore_files: args.boundary.no_ignore_files,
        },
        root: args.boundary.root.clone(),
        max_instances: args.terraform.max_instances,
        variables: args.terraform.variables()?,
        eval_limits: args.terraform.limits(&config)?,
        suppress: suppress_options(&config, &set, &selected, select, &ignore),
    };
    let outcome = scan::scan(&engine, &selected, &options)?;
    Ok(Scanned::Outcome(Box::new((outcome, config))))
}

fn run_scan(
    args: ScanArgs,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> anyhow::Result<ExitStatus> {
    let (mut outcome, config) = match scan_for(&args, stdout, stderr)? {
        Scanned::Outcome(scanned) => *scanned,
        Scanned::Ended(status) => return Ok(status),
    };
    if let Some(path) = args.baseline.as_ref().or(config.baseline.as_ref()) {
        let baseline = Baseline::load(path).map_err(Fatal)?;
        baseline.apply(&mut outcome);
    }
    let limits = write_report(&args, &outcome, stdout)?;
    for limit in &limits {
        writeln!(stderr, "{limit}")?;
    }
    outcome.diagnostics.extend(limits);
    if args.statistics {
        write!(stdout, "{}", report::text::statistics(&outcome))?;
    }
    let gate = Gate {
        fail_on: args.fail_on.or(config.fail_on).unwrap_or(Severity::Low),
        exit_zero: args.exit_zero,
        allow_incomplete: args.allow_incomplete,
    };
    Ok(gate.exit_status(&outcome))
}

/// Default file `tenet baseline` writes.
pub const DEFAULT_BASELINE: &str = "tenet-baseline.json";

fn run_baseline(
    args: ScanArgs,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> anyhow::Result<ExitStatus> {
    let (outcome, _) = match scan_for(&args, stdout, stderr)? {
        Scanned::Outcome(scanned) => *scanned,
        Scanned::Ended(status) => return Ok(status),
    };
    let path = args
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from(DEFAULT_BASELINE));
    let mut file =
        std::fs::File::create(&path).with_context(|| format!("cannot write {}", path.display()))?;
    baseline::write(&outcome, &mut file)?;
    file.flush()?;
    for diagnostic in outcome.diagnostics.iter().filter(|d| d.is_error()) {
        writeln!(stderr, "{diagnostic}")?;
    }
    writeln!(
        stdout,
        "tenet: recorded {} finding(s) in {}",
        outcome.findings.len(),
        path.display()
    )?;
    if outcome.incomplete() && !args.allow_incomplete {
        writeln!(
            stderr,
            "tenet: some inputs could not be checked; their findings are not in the baseline"
        )?;
        return Ok(ExitStatus::Error);
    }
    Ok(ExitStatus::Clean)
}

/// Rules that failed to load end the scan before any file is read: the errors go to stderr,
/// and a machine-readable format still gets a complete document holding them (a consumer
/// never finds an empty or missing file).
fn report_rule_errors(
    args: &ScanArgs,
    errors: Vec<Diagnostic>,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> anyhow::Result<ExitStatus> {
    if args.format.is_machine_readable() {
        let outcome = ScanOutcome {
            files_failed: errors.len(),
            diagnostics: errors.clone(),
            ..ScanOutcome::default()
        };
        write_report(args, &outcome, stdout)?;
    }
    fail_with(errors, stderr)
}

fn write_report(
    args: &ScanArgs,
    outcome: &ScanOutcome,
    stdout: &mut dyn Write,
) -> anyhow::Result<Vec<Diagnostic>> {
    let limits = match &args.output {
        Some(path) => {
            let mut file = std::fs::File::create(path)
                .with_context(|| format!("cannot write {}", path.display()))?;
            let style = Style {
                color: args.color == ColorChoice::Always,
                quiet: args.quiet,
                ..Style::default()
            };
            let limits = report::write(args.format, outcome, style, &mut file)?;
            file.flush()?;
            if args.format.is_machine_readable() && !args.quiet {
                writeln!(stdout, "{}", report::text::summary(outcome))?;
            }
            limits
        }
        None => {
            let terminal = std::io::stdout().is_terminal();
            let color = args.color.enabled(terminal);
            let width = terminal
                .then(terminal_size::terminal_size)
                .flatten()
                .map(|(width, _)| usize::from(width.0));
            let style = Style {
                color,
                width,
                quiet: args.quiet,
            };
            report::write(args.format, outcome, style, stdout)?
        }
    };
    Ok(limits)
}

/// The rule time limit: a number of seconds in a range a `Duration` and a scan can use.
fn rule_timeout(seconds: Option<f64>) -> anyhow::Result<Duration> {
    let Some(seconds) = seconds else {
        return Ok(DEFAULT_RULE_TIMEOUT);
    };
    if !(MIN_RULE_TIMEOUT..=MAX_RULE_TIMEOUT).contains(&seconds) {
        bail!(
            "the rule timeout must be between {MIN_RULE_TIMEOUT} and {MAX_RULE_TIMEOUT} seconds, not {seconds}"
        );
    }
    Ok(Duration::from_secs_f64(seconds))
}

/// What makes a scan fail: the severity threshold and the exit-code switches.
#[derive(Clone, Copy, Debug)]
pub struct Gate {
    /// Findings below this severity do not fail the scan.
    pub fail_on: Severity,
    /// Findings never fail the scan (errors still do).
    pub exit_zero: bool,
    /// Inputs that could not be checked do not fail the scan.
    pub allow_incomplete: bool,
}

impl Default for Gate {
    fn default() -> Self {
        Gate {
            fail_on: Severity::Low,
            exit_zero: false,
            allow_incomplete: false,
        }
    }
}

impl Gate {
    /// Fail closed: anything unchecked is exit 2 unless `--allow-incomplete`; findings at or
    /// above the threshold are exit 1 unless `--exit-zero`.
    pub fn exit_status(&self, outcome: &ScanOutcome) -> ExitStatus {
        if outcome.incomplete() && !self.allow_incomplete {
            ExitStatus::Error
        } else if !self.exit_zero && outcome.findings.iter().any(|f| f.severity >= self.fail_on) {
            ExitStatus::Findings
        } else {
            ExitStatus::Clean
        }
    }
}

fn run_ir(args: IrArgs, stdout: &mut dyn Write) -> anyhow::Result<ExitStatus> {
    let options = ScanOptions {
        max_file_size: args.max_file_size,
        max_instances: args.terraform.max_instances,
        variables: args.terraform.variables()?,
        eval_limits: args.terraform.limits(&Config::default())?,
        walk: WalkOptions {
            no_ignore_files: args.boundary.no_ignore_files,
            ..WalkOptions::default()
        },
        root: args.boundary.root.clone(),
        ..ScanOptions::new(vec![args.path.clone()])
    };
    let inputs = scan::read_inputs(&options)?;
    let documents: Vec<serde_json::Value> = inputs
        .documents
        .iter()
        .map(|d| ir_json(d, args.spans))
        .collect::<anyhow::Result<_>>()?;
    serde_json::to_writer_pretty(&mut *stdout, &documents)?;
    writeln!(stdout)?;
    let mut status = ExitStatus::Clean;
    for diagnostic in &inputs.diagnostics {
        writeln!(std::io::stderr(), "{diagnostic}")?;
        if diagnostic.is_error() {
            status = ExitStatus::Error;
        }
    }
    Ok(status)
}

/// The document as rules see it; with `spans`, `{"input": …, "spans": {address: {path: loc}}}`.
fn ir_json(document: &Document, spans: bool) -> anyhow::Result<serde_json::Value> {
    let input = document.to_input()?;
    if !spans {
        return Ok(input);
    }
    let mut by_resource = serde_json::Map::new();
    for resource in &document.resources {
        let Some(file) = document.file(&resource.file) else {
            continue;
        };
        let locate = |span: crate::source::Span, elsewhere: Option<&String>| {
            // An attribute set in a Terraform override file is located in that file.
            let in_file = elsewhere
                .and_then(|name| document.file(name))
                .unwrap_or(file);
            let start = in_file.position(span.start);
            let end = in_file.position(span.end);
            let mut location = serde_json::json!({"line": start.line, "column": start.column, "end_line": end.line, "end_column": end.column});
            if let (Some(name), Some(object)) = (elsewhere, location.as_object_mut()) {
                object.insert("file".to_string(), serde_json::Value::from(name.as_str()));
            }
            location
        };
        let mut paths: Vec<_> = resource.spans.attributes.iter().collect();
        paths.sort_by(|a, b| a.0.cmp(b.0));
        let mut map = serde_json::Map::new();
        map.insert("<header>".to_string(), locate(resource.spans.header, None));
        for (path, span) in paths {
            map.insert(
                display_path(path),
                locate(*span, resource.spans.files.get(path)),
            );
        }
        by_resource.insert(resource.address.clone(), serde_json::Value::Object(map));
    }
    Ok(serde_json::json!({"input": input, "spans": by_resource}))
}

fn run_rules_list(
    source: &RuleSource,
    format: ListFormat,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> anyhow::Result<ExitStatus> {
    let set = load_rules(source, stderr)?;
    let rules = set.rules.iter().chain(suppress::meta_rules::rules());
    if format == ListFormat::Json {
        let list: Vec<serde_json::Value> = rules
            .map(|rule| {
                let mut value = serde_json::to_value(&rule.meta).unwrap_or_default();
                if let Some(object) = value.as_object_mut() {
                    object.insert("short_name".into(), rule.short_name.clone().into());
                    object.insert("source".into(), rule.path.clone().into());
                    object.insert("builtin".into(), rule.builtin.into());
                }
                value
            })
            .collect();
        serde_json::to_writer_pretty(&mut *stdout, &list)?;
        writeln!(stdout)?;
        return Ok(ExitStatus::Clean);
    }
    for rule in rules {
        let targets: Vec<&str> = if rule.meta.targets.len() == crate::ir::InputKind::ALL.len() {
            vec!["all"]
        } else {
            rule.meta.targets.iter().map(|k| k.as_str()).collect()
        };
        writeln!(
            stdout,
            "{:<6} {:<9} {:<16} {:<28} {}{}",
            rule.meta.id,
            rule.meta.severity.as_str(),
            rule.meta.pillar.as_str(),
            targets.join(","),
            rule.meta.title,
            if rule.meta.deprecated {
                " (deprecated)"
            } else {
                ""
            }
        )?;
    }
    Ok(ExitStatus::Clean)
}

fn run_rules_show(
    id: &str,
    source: &RuleSource,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> anyhow::Result<ExitStatus> {
    let set = load_rules(source, stderr)?;
    let id = id.to_ascii_uppercase();
    let Some(rule) = set.get(&id).or_else(|| {
        suppress::meta_rules::rules()
            .iter()
            .find(|r| r.meta.id == id)
    }) else {
        bail!("no rule `{id}` (see `tenet rules list`)");
    };
    let meta = &rule.meta;
    let list = |items: Vec<String>| {
        if items.is_empty() {
            "-".to_string()
        } else {
            items.join(", ")
        }
    };
    writeln!(stdout, "{} {}: {}", meta.id, rule.short_name, meta.title)?;
    writeln!(stdout)?;
    writeln!(stdout, "severity:  {}", meta.severity)?;
    writeln!(stdout, "pillar:    {}", meta.pillar)?;
    writeln!(stdout, "layer:     {}", meta.layer)?;
    writeln!(stdout, "controls:  {}", list(meta.controls.clone()))?;
    writeln!(
        stdout,
        "tenets:    {}",
        list(meta.tenets.iter().map(ToString::to_string).collect())
    )?;
    writeln!(
        stdout,
        "targets:   {}",
        list(meta.targets.iter().map(ToString::to_string).collect())
    )?;
    writeln!(stdout, "source:    {}", rule.path)?;
    writeln!(stdout)?;
    writeln!(stdout, "{}", meta.description)?;
    writeln!(stdout)?;
    writeln!(stdout, "Remediation:")?;
    writeln!(stdout, "{}", meta.remediation)?;
    if !meta.references.is_empty() {
        writeln!(stdout)?;
        writeln!(stdout, "References:")?;
        for reference in &meta.references {
            writeln!(stdout, "  {}", reference.url())?;
        }
    }
    Ok(ExitStatus::Clean)
}

fn run_rules_test(
    dir: Option<PathBuf>,
    fixtures: Option<PathBuf>,
    only: Option<String>,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> anyhow::Result<ExitStatus> {
    let dir = dir.unwrap_or_else(|| PathBuf::from("rules"));
    if !dir.is_dir() {
        bail!("{} is not a directory of rules", dir.display());
    }
    let fixtures = fixtures.unwrap_or_else(|| test::default_fixtures(&dir));
    let reports = test::run_dir(&dir, &fixtures, only.as_deref())
        .or_else(|errors| fail_with(errors, stderr))?;
    if let Some(id) = &only {
        if reports.is_empty() {
            bail!("no rule `{id}` in {}", dir.display());
        }
    }
    let failed = reports.iter().filter(|r| !r.passed()).count();
    for report in &reports {
        write!(stdout, "{report}")?;
    }
    let verdict = if failed == 0 { "ok" } else { "FAILED" };
    writeln!(
        stdout,
        "\ntest result: {verdict}. {} passed; {failed} failed",
        reports.len() - failed
    )?;
    Ok(if failed == 0 {
        ExitStatus::Clean
    } else {
        ExitStatus::Findings
    })
}
