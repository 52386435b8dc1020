//! Budgets for evaluating one root module: a hostile module must not be able to exhaust the
//! stack, memory or time of the scan. Each is a default no real module reaches; when one is
//! reached, evaluation of that root module stops and the scan reports it as incomplete.
//!
//! - **Nesting**: expressions, local values, module outputs and resource references are
//!   evaluated recursively (each lazily, on first use), so a chain of thousands of locals
//!   nests as deep. The depth summed over the chain is bounded.
//! - **Bytes**: every value an expression copies or builds (a reference, a function result, a
//!   rendered template) is charged by its size. Values are plain trees, so the charge bounds
//!   both memory and the work of copying, whatever functions and `for` expressions compose.
//! - **Time**: a deadline checked every few hundred evaluation steps.

use std::cell::{Cell, RefCell};
use std::time::{Duration, Instant};

use super::eval::EvalError;
use super::value::Value;

/// Default deepest nesting of evaluation (expressions within a chain of references).
pub const DEFAULT_MAX_NESTING: usize = 2_000;
/// Default bytes of values one root module's evaluation may copy or build.
pub const DEFAULT_MAX_BYTES: u64 = 512 * 1024 * 1024;
/// Default time one root module's evaluation may take.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// How often (in evaluation steps) the clock is read.
const CLOCK_EVERY: u32 = 256;

/// The limits of one evaluation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EvalLimits {
    pub max_nesting: usize,
    pub max_bytes: u64,
    pub timeout: Duration,
}

impl Default for EvalLimits {
    fn default() -> Self {
        EvalLimits {
            max_nesting: DEFAULT_MAX_NESTING,
            max_bytes: DEFAULT_MAX_BYTES,
            timeout: DEFAULT_TIMEOUT,
        }
    }
}

/// What is left of the limits while a root module is evaluated (single-threaded).
#[derive(Debug)]
pub struct Budget {
    limits: EvalLimits,
    started: Instant,
    nesting: Cell<usize>,
    bytes: Cell<u64>,
    steps: Cell<u32>,
    /// Why evaluation stopped, once a limit was reached: every later step fails at once.
    exceeded: RefCell<Option<String>>,
}

impl Default for Budget {
    fn default() -> Self {
        Budget::new(EvalLimits::default())
    }
}

impl Budget {
    pub fn new(limits: EvalLimits) -> Self {
        Budget {
            limits,
            started: Instant::now(),
            nesting: Cell::new(0),
            bytes: Cell::new(0),
            steps: Cell::new(0),
            exceeded: RefCell::new(None),
        }
    }

    /// Why evaluation was stopped, if it was.
    pub fn exceeded(&self) -> Option<String> {
        self.exceeded.borrow().clone()
    }

    /// Bytes charged so far.
    pub fn bytes(&self) -> u64 {
        self.bytes.get()
    }

    /// Stops evaluation for `reason` (the first reason is kept).
    pub fn stop(&self, reason: String) -> EvalError {
        let mut exceeded = self.exceeded.borrow_mut();
        let reason = exceeded.get_or_insert(reason).clone();
        EvalError(reason)
    }

    /// One evaluation step, one level deeper: fails once any limit is reached. The guard
    /// gives the level back when dropped.
    pub fn enter(&self) -> Result<Nesting<'_>, EvalError> {
        if let Some(reason) = self.exceeded.borrow().as_ref() {
            return Err(EvalError(reason.clone()));
        }
        let steps = self.steps.get().wrapping_add(1);
        self.steps.set(steps);
        if steps % CLOCK_EVERY == 0 && self.started.elapsed() > self.limits.timeout {
            return Err(self.stop(format!(
                "evaluation took longer than {} s (--eval-timeout)",
                self.limits.timeout.as_secs_f64()
            )));
        }
        let depth = self.nesting.get() + 1;
        if depth > self.limits.max_nesting {
            return Err(self.stop(format!(
                "evaluation nests deeper than {} levels (a chain of references that long)",
                self.limits.max_nesting
            )));
        }
        self.nesting.set(depth);
        Ok(Nesting { budget: self })
    }

    /// Charges `value`'s size; fails once the total passes the byte limit.
    pub fn charge(&self, value: &Value) -> Result<(), EvalError> {
        self.charge_bytes(approximate_size(value))
    }

    pub fn charge_bytes(&self, bytes: u64) -> Result<(), EvalError> {
        let total = self.bytes.get().saturating_add(bytes);
        self.bytes.set(total);
        if total > self.limits.max_bytes {
            return Err(self.stop(format!(
                "evaluation built more than {} MiB of values (--eval-memory)",
                self.limits.max_bytes / (1024 * 1024)
            )));
        }
        Ok(())
    }
}

/// One level of nesting, released on drop.
#[derive(Debug)]
pub struct Nesting<'a> {
    budget: &'a Budget,
}

impl Drop for Nesting<'_> {
    fn drop(&mut self) {
        let depth = self.budget.nesting.get();
        self.budget.nesting.set(depth.saturating_sub(1));
    }
}

/// About how many bytes `value` occupies (strings by length, plus a word or so per node).
pub fn approximate_size(value: &Value) -> u64 {
    const NODE: u64 = 32;
    let mut total = 0u64;
    let mut pending = vec![value];
    while let Some(value) = pending.pop() {
        total = total.saturating_add(NODE);
        match value {
            Value::String(s) => total = total.saturating_add(s.len() as u64),
            Value::List(items) => pending.extend(items),
            Value::Object(map) => {
                for (key, item) in map {
                    total = total.saturating_add(key.len() as u64 + NODE);
                    pending.push(item);
                }
            }
            Value::Null | Value::Bool(_) | Value::Number(_) | Value::Unknown => {}
        }
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_is_released_and_limited() {
        let budget = Budget::new(EvalLimits {
            max_nesting: 2,
            ..EvalLimits::default()
        });
        {
            let _a = budget.enter().unwrap();
            let _b = budget.enter().unwrap();
            assert!(budget.enter().is_err());
        }
        // Once a limit is reached, every later step fails with the same reason.
        let error = budget.enter().unwrap_err();
        assert!(error.0.contains("deeper than 2 levels"), "{error:?}");
    }

    #[test]
    fn bytes_are_charged_by_size() {
        let budget = Budget::new(EvalLimits {
            max_bytes: 1000,
            ..EvalLimits::default()
        });
        let big = Value::List(vec![Value::String("x".repeat(400)); 2]);
        assert_eq!(approximate_size(&big), 32 + 2 * (32 + 400));
        budget.charge(&big).unwrap();
        assert!(budget.charge(&big).is_err());
        assert!(budget.exceeded().unwrap().contains("MiB of values"));
    }
}
