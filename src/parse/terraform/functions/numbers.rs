//! Numeric functions (`abs`, `max`, `parseint`, `range`, …).

use super::*;

pub(super) fn abs(args: &[Value]) -> CallResult {
    number(num_at(args, 0)?.abs())
}

pub(super) fn ceil(args: &[Value]) -> CallResult {
    number(num_at(args, 0)?.ceil())
}

pub(super) fn floor(args: &[Value]) -> CallResult {
    number(num_at(args, 0)?.floor())
}

/// `log(number, base)`.
pub(super) fn log(args: &[Value]) -> CallResult {
    let result = num_at(args, 0)?.ln() / num_at(args, 1)?.ln();
    if result.is_nan() {
        return invalid("result is not a number");
    }
    number(result)
}

/// `pow(number, power)`.
pub(super) fn pow(args: &[Value]) -> CallResult {
    let result = num_at(args, 0)?.powf(num_at(args, 1)?);
    if result.is_nan() {
        return invalid("result is not a number");
    }
    number(result)
}

pub(super) fn max(args: &[Value]) -> CallResult {
    let mut best = f64::NEG_INFINITY;
    for v in args {
        best = best.max(num_of(v)?);
    }
    number(best)
}

pub(super) fn min(args: &[Value]) -> CallResult {
    let mut best = f64::INFINITY;
    for v in args {
        best = best.min(num_of(v)?);
    }
    number(best)
}

/// `signum(number)`: -1, 0 or 1 (the number must be whole, as in Terraform).
pub(super) fn signum(args: &[Value]) -> CallResult {
    Ok(Value::Number(int_at(args, 0)?.signum() as f64))
}

/// `parseint(string, base)`: an integer written in base 2 to 62 (digits, then `a-z`, then
/// `A-Z` above base 36; letters are case-insensitive up to base 36).
pub(super) fn parseint(args: &[Value]) -> CallResult {
    let text = match arg(args, 0) {
        Value::String(s) => s,
        Value::Null => return null_error(),
        other => {
            return invalid(format!(
                "first argument must be a string, not {}",
                other.type_name()
            ));
        }
    };
    let base = int_at(args, 1)?;
    if !(2..=62).contains(&base) {
        return invalid("base must be a whole number between 2 and 62 inclusive");
    }
    let base = base as u32;
    let fail = || invalid(format!("cannot parse {text:?} as a base {base} integer"));
    let (negative, digits) = match text.as_bytes().first() {
        Some(b'-') => (true, text.get(1..).unwrap_or("")),
        Some(b'+') => (false, text.get(1..).unwrap_or("")),
        _ => (false, text.as_str()),
    };
    if digits.is_empty() {
        return fail();
    }
    let mut total = 0.0f64;
    for c in digits.chars() {
        let digit = match c {
            '0'..='9' => c as u32 - '0' as u32,
            'a'..='z' => c as u32 - 'a' as u32 + 10,
            'A'..='Z' if base <= 36 => c as u32 - 'A' as u32 + 10,
            'A'..='Z' => c as u32 - 'A' as u32 + 36,
            _ => return fail(),
        };
        if digit >= base {
            return fail();
        }
        total = total * f64::from(base) + f64::from(digit);
    }
    number(if negative { -total } else { total })
}

/// `range(limit)`, `range(start, limit)`, `range(start, limit, step)`: like Terraform, the
/// step defaults to 1 or -1, numbers may be fractional, and at most 1024 numbers are made.
pub(super) fn range(args: &[Value]) -> CallResult {
    let nums = args.iter().map(num_of).collect::<Result<Vec<f64>, _>>()?;
    let (start, limit, step) = match nums.as_slice() {
        [limit] => (0.0, *limit, if *limit < 0.0 { -1.0 } else { 1.0 }),
        [start, limit] => (*start, *limit, if limit < start { -1.0 } else { 1.0 }),
        [start, limit, step] => (*start, *limit, *step),
        _ => return invalid("must have one, two, or three arguments"),
    };
    if step == 0.0 {
        return invalid("step must not be zero");
    }
    let down = step < 0.0;
    if down && limit > start {
        return invalid("end must be less than start when step is negative");
    }
    if !down && limit < start {
        return invalid("end must be greater than start when step is positive");
    }
    // Decimal inputs are stepped in scaled integers so that range(0, 1, 0.1) yields 0.3, not
    // 0.30000000000000004 (Terraform computes with arbitrary-precision decimals).
    let scale = 10f64.powi(decimals(start).max(decimals(step)).min(9));
    let exact = (start * scale).abs() < 9e15 && (step * scale).abs() < 9e15;
    let mut out = Vec::new();
    for i in 0u32.. {
        let i = f64::from(i);
        let n = if exact {
            ((start * scale).round() + i * (step * scale).round()) / scale
        } else {
            start + i * step
        };
        if (down && n <= limit) || (!down && n >= limit) {
            break;
        }
        if out.len() >= 1024 {
            return invalid(
                "more than 1024 values were generated; either decrease the difference between \
                 start and end or use a smaller step",
            );
        }
        out.push(Value::Number(n));
    }
    Ok(Value::List(out))
}

/// Digits after the decimal point in the shortest form of `n`.
pub(super) fn decimals(n: f64) -> i32 {
    let s = format_number(n);
    s.split_once('.')
        .map_or(0, |(_, fraction)| fraction.len() as i32)
}

#[cfg(test)]
mod tests {
    use crate::parse::terraform::functions::testing::*;

    #[test]
    fn numeric_functions() {
        assert_eq!(ok("abs", vec![n(-12.4)]), n(12.4));
        assert_eq!(ok("ceil", vec![n(5.1)]), n(6.0));
        assert_eq!(ok("floor", vec![n(4.9)]), n(4.0));
        assert_eq!(ok("log", vec![n(16.0), n(2.0)]), n(4.0));
        assert_eq!(ok("pow", vec![n(3.0), n(2.0)]), n(9.0));
        assert_eq!(ok("max", vec![n(12.0), n(54.0), n(3.0)]), n(54.0));
        assert_eq!(ok("min", vec![n(12.0), s("54"), n(3.0)]), n(3.0));
        assert_eq!(ok("signum", vec![n(-13.0)]), n(-1.0));
        assert_eq!(ok("signum", vec![n(0.0)]), n(0.0));
        fails("signum", vec![n(0.5)]);
        assert_eq!(ok("parseint", vec![s("100"), n(10.0)]), n(100.0));
        assert_eq!(ok("parseint", vec![s("FF"), n(16.0)]), n(255.0));
        assert_eq!(ok("parseint", vec![s("-10"), n(16.0)]), n(-16.0));
        assert_eq!(
            ok("parseint", vec![s("1011111011101111"), n(2.0)]),
            n(48879.0)
        );
        assert_eq!(ok("parseint", vec![s("aA"), n(62.0)]), n(656.0));
        fails("parseint", vec![s("12"), n(2.0)]);
        fails("parseint", vec![n(12.0), n(10.0)]);
        fails("parseint", vec![s("1"), n(63.0)]);
    }

    #[test]
    fn range_follows_terraform() {
        assert_eq!(ok("range", vec![n(3.0)]), nums(&[0.0, 1.0, 2.0]));
        assert_eq!(ok("range", vec![n(1.0), n(4.0)]), nums(&[1.0, 2.0, 3.0]));
        assert_eq!(
            ok("range", vec![n(1.0), n(8.0), n(2.0)]),
            nums(&[1.0, 3.0, 5.0, 7.0])
        );
        assert_eq!(
            ok("range", vec![n(1.0), n(4.0), n(0.5)]),
            nums(&[1.0, 1.5, 2.0, 2.5, 3.0, 3.5])
        );
        assert_eq!(ok("range", vec![n(4.0), n(1.0)]), nums(&[4.0, 3.0, 2.0]));
        assert_eq!(
            ok("range", vec![n(10.0), n(5.0), n(-2.0)]),
            nums(&[10.0, 8.0, 6.0])
        );
        assert_eq!(ok("range", vec![n(-3.0)]), nums(&[0.0, -1.0, -2.0]));
        assert_eq!(
            ok("range", vec![n(0.0), n(0.35), n(0.1)]),
            nums(&[0.0, 0.1, 0.2, 0.3])
        );
        assert_eq!(ok("range", vec![n(0.0)]), list(vec![]));
        fails("range", vec![n(1.0), n(4.0), n(0.0)]);
        fails("range", vec![n(1.0), n(4.0), n(-1.0)]);
        fails("range", vec![n(2000.0)]);
        fails("range", vec![s("x")]);
    }
}
