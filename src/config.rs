//! `tenet.toml`: project settings, found by walking up from the first scanned path (or given
//! with `--config`, or ignored with `--no-config`). Unknown keys are errors, so a typo never
//! silently changes what is checked.
//!
//! ```toml
//! select = ["LP", "IM001"]      # rule ids or prefixes to run (default: all)
//! ignore = ["IM003"]            # rule ids or prefixes not to run
//! rules = ["policies"]          # custom rule directories, relative to this file
//! exclude = ["vendor/", "**/generated/*.yaml"]   # gitignore-style, relative to this file
//! max-file-size = 10485760
//! rule-timeout = 10.0
//! eval-timeout = 30.0         # seconds per Terraform root module
//! eval-memory = 512           # MiB of values per Terraform root module
//! fail-on = "high"            # exit 1 only for findings of this severity or above
//! baseline = "tenet-baseline.json"   # report only findings not recorded in it
//!
//! [immutability]
//! max-instance-lifetime-days = 14   # IM006: the longest instance lifetime accepted
//!
//! [backup]
//! min-retention-days = 30     # BK002: the shortest longest-retention accepted
//!
//! [severity]                  # a rule's severity, for this project
//! IM001 = "high"
//!
//! [[suppress]]                # an accepted risk, with its reason
//! rules = ["ZT001"]
//! paths = ["legacy/**"]       # globs relative to this file (default: every file)
//! resources = ["aws_security_group.bastion*"]   # address globs (default: every resource)
//! reason = "bastion hosts of the legacy VPC, removed in INFRA-1234"
//! until = "2027-03-31"
//! ```

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::boundary::Boundary;

pub const FILE_NAME: &str = "tenet.toml";

#[derive(Debug, Default, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    #[serde(default)]
    pub select: Vec<String>,
    #[serde(default)]
    pub ignore: Vec<String>,
    #[serde(default)]
    pub rules: Vec<PathBuf>,
    #[serde(default)]
    pub exclude: Vec<String>,
    pub max_file_size: Option<u64>,
    pub rule_timeout: Option<f64>,
    /// Seconds one Terraform root module's evaluation may take.
    pub eval_timeout: Option<f64>,
    /// MiB of values one Terraform root module's evaluation may build.
    pub eval_memory: Option<u64>,
    /// Findings below this severity do not fail the scan (`--fail-on`).
    pub fail_on: Option<crate::rules::Severity>,
    /// The baseline file (`--baseline`), relative to this file.
    pub baseline: Option<PathBuf>,
    /// Severity per rule id (`[severity]` table: `IM001 = "high"`), replacing the rule's own
    /// in every report and for `fail-on`.
    #[serde(default)]
    pub severity: std::collections::BTreeMap<String, crate::rules::Severity>,
    /// Settings of the immutability rules (`[immutability]`).
    #[serde(default)]
    pub immutability: ImmutabilitySettings,
    /// Settings of the backup rules (`[backup]`).
    #[serde(default)]
    pub backup: BackupSettings,
    /// Accepted risks: `[[suppress]]` entries (rules, paths, resources, reason, until).
    #[serde(default)]
    pub suppress: Vec<crate::suppress::ConfigSuppression>,
    /// The file itself.
    #[serde(skip)]
    pub file: Option<PathBuf>,
    /// The directory holding the file; relative paths in it are relative to this.
    #[serde(skip)]
    pub root: PathBuf,
}

/// `[immutability]`: what the immutability rules accept.
#[derive(Debug, Default, Clone, PartialEq, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ImmutabilitySettings {
    /// The longest instance lifetime IM006 accepts, in days (default 7).
    pub max_instance_lifetime_days: Option<u64>,
}

/// `[backup]`: what the backup rules accept.
#[derive(Debug, Default, Clone, PartialEq, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct BackupSettings {
    /// The shortest retention BK002 accepts for a store's longest-kept backup, in days
    /// (default 7).
    pub min_retention_days: Option<u64>,
}

impl Config {
    /// The settings rules read, as `data.tenet.config` (snake_case keys, unset ones absent).
    pub fn rule_data(&self) -> serde_json::Value {
        let mut immutability = serde_json::Map::new();
        if let Some(days) = self.immutability.max_instance_lifetime_days {
            immutability.insert("max_instance_lifetime_days".into(), days.into());
        }
        let mut backup = serde_json::Map::new();
        if let Some(days) = self.backup.min_retention_days {
            backup.insert("min_retention_days".into(), days.into());
        }
        serde_json::json!({ "immutability": immutability, "backup": backup })
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("invalid {path}: {message}")]
    Invalid { path: String, message: String },
}

impl Config {
    /// Reads and validates one config file.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let display = crate::discover::display_path(path);
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: display.clone(),
            source,
        })?;
        let mut config: Config = toml::from_str(&text).map_err(|e| ConfigError::Invalid {
            path: display.clone(),
            message: e.to_string().trim().to_string(),
        })?;
        config.root = path.parent().map(Path::to_path_buf).unwrap_or_default();
        config.file = Some(path.to_path_buf());
        config.rules = config
            .rules
            .iter()
            .map(|dir| config.root.join(dir))
            .collect();
        config.baseline = config.baseline.map(|file| config.root.join(file));
        Ok(config)
    }

    /// The nearest `tenet.toml` in `start` (a file's directory, or a directory) or above it,
    /// up to the root of `boundary` (nothing above it is read).
    pub fn find(start: &Path, boundary: &Boundary) -> Option<PathBuf> {
        let absolute = std::path::absolute(start).ok()?;
        let first = if absolute.is_dir() {
            absolute.as_path()
        } else {
            absolute.parent()?
        };
        first
            .ancestors()
            .take_while(|dir| boundary.contains(dir))
            .map(|dir| dir.join(FILE_NAME))
            .find(|file| file.is_file() && boundary.contains(file))
    }

    /// A config found in the scanned tree may only name rule directories inside the boundary
    /// (a `--config` file chosen by the user may name any).
    pub fn check_rules_inside(&self, boundary: &Boundary) -> Result<(), ConfigError> {
        for dir in &self.rules {
            if dir.exists() && !boundary.contains(dir) {
                return Err(ConfigError::Invalid {
                    path: crate::discover::display_path(&self.root.join(FILE_NAME)),
                    message: format!(
                        "rule directory {} is outside the scan boundary ({}); use --config or --rules to load rules from elsewhere",
                        dir.display(),
                        boundary.describe()
                    ),
                });
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_is_found_upwards_and_paths_are_relative_to_it() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("k8s/apps")).unwrap();
        std::fs::write(
            dir.path().join(FILE_NAME),
            "select = [\"LP\"]\nrules = [\"policies\"]\nmax-file-size = 100\n",
        )
        .unwrap();
        let boundary = Boundary::of_dirs(&[dir.path()]);
        let found = Config::find(&dir.path().join("k8s/apps"), &boundary).unwrap();
        let config = Config::load(&found).unwrap();
        assert_eq!(config.select, vec!["LP"]);
        assert_eq!(config.max_file_size, Some(100));
        assert_eq!(config.rules, vec![found.parent().unwrap().join("policies")]);
        // Nothing above the boundary is read.
        let inner = Boundary::of_dirs(&[dir.path().join("k8s")]);
        assert_eq!(Config::find(&dir.path().join("k8s/apps"), &inner), None);
    }

    #[test]
    fn unknown_keys_are_errors() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(FILE_NAME);
        std::fs::write(&file, "selcet = [\"LP\"]\n").unwrap();
        let error = Config::load(&file).unwrap_err().to_string();
        assert!(error.contains("unknown field `selcet`"), "{error}");
    }
}
