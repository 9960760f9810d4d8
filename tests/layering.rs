//! The arrows inside `src/math` point down: the foundation (exact numbers, expressions,
//! polynomials, linear algebra, ball numerics, typed answers, derivations) never names the algorithms built on it (sums, series,
//! convergence, limits, asymptotics, radii, solve), in code or in doc comments. Reads the source
//! tree and resolves every `crate::math::…`, `math::…` and `super::…` path it finds.

use std::path::{Path, PathBuf};

/// The algorithms above the foundation.
const ABOVE: [&str; 10] = [
    "integrate",
    "product",
    "solve",
    "sum",
    "plot",
    "series",
    "convergence",
    "limit",
    "asymptotic",
    "radius",
];

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The module path of a file under `src/`: `src/math/float/ball.rs` → [math, float, ball].
fn module_of(rel: &Path) -> Vec<String> {
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// The first segment after `math` of each path in `text` that reaches into `math`, with the
/// line it is on: `crate::math::x`, `math::x` (doc comments included), `super::…::x` resolved
/// against `module`, and each member of a `{a, b}` group.
fn math_children(text: &str, module: &[String]) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (no, line) in text.lines().enumerate() {
        let chars: Vec<char> = line.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            if i > 0 && (is_ident(chars[i - 1]) || chars[i - 1] == ':') {
                i += 1;
                continue;
            }
            let rest: String = chars[i..].iter().collect();
            let mut base: Option<Vec<String>> = None;
            let mut skip = 0;
            if rest.starts_with("crate::math::") {
                base = Some(vec!["math".into()]);
                skip = "crate::math::".len();
            } else if rest.starts_with("math::") {
                base = Some(vec!["math".into()]);
                skip = "math::".len();
            } else if rest.starts_with("super::") {
                let mut m = module.to_vec();
                while rest[skip..].starts_with("super::") {
                    m.pop();
                    skip += "super::".len();
                }
                base = Some(m);
            }
            let Some(base) = base else {
                i += 1;
                continue;
            };
            let tail = &rest[skip..];
            let names: Vec<String> = if let Some(group) = tail.strip_prefix('{') {
                let end = group.find('}').unwrap_or(group.len());
                group[..end]
                    .split(',')
                    .map(|s| s.trim().split("::").next().unwrap_or("").to_string())
                    .collect()
            } else {
                vec![tail.chars().take_while(|&c| is_ident(c)).collect()]
            };
            for name in names {
                let mut path = base.clone();
                path.push(name);
                if path.len() >= 2 && path[0] == "math" {
                    out.push((no + 1, path[1].clone()));
                }
            }
            i += skip.max(1);
        }
    }
    out
}

/// Every upward arrow in one file: `file:line names math::x`.
fn upward(rel: &Path, text: &str) -> Vec<String> {
    let module = module_of(rel);
    math_children(text, &module)
        .into_iter()
        .filter(|(_, m)| ABOVE.contains(&m.as_str()))
        .map(|(line, m)| format!("src/{}:{line} names math::{m}", rel.display()))
        .collect()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable source directory") {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The foundation's files: `math/float/`, `math/expr/`, `math/number.rs`, `math/poly*`,
/// `math/linalg*`, `math/answer*`, `math/derivation*`.
fn foundation() -> Vec<PathBuf> {
    let math = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/math");
    let mut files = Vec::new();
    rust_files(&math.join("float"), &mut files);
    rust_files(&math.join("expr"), &mut files);
    for entry in std::fs::read_dir(&math).expect("src/math") {
        let path = entry.expect("directory entry").path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let below = ["poly", "linalg", "answer", "derivation"];
        if name == "number.rs" || below.iter().any(|b| name.starts_with(b)) {
            if path.is_dir() {
                rust_files(&path, &mut files);
            } else {
                files.push(path);
            }
        }
    }
    files
}

#[test]
fn the_foundation_never_names_the_algorithms_above_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files = foundation();
    assert!(files.len() >= 10, "the foundation was not found: {files:?}");
    let mut bad = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("readable source file");
        bad.extend(upward(file.strip_prefix(&src).unwrap(), &text));
    }
    assert!(
        bad.is_empty(),
        "upward arrows in math/:\n{}",
        bad.join("\n")
    );
}

#[test]
fn the_scanner_sees_every_spelling_of_an_upward_path() {
    let rel = Path::new("math/float/ball.rs");
    let text = "use crate::math::sum::numeric;\n\
                use super::super::{expr, series};\n\
                //! see [`crate::math::limit::limit`]\n\
                /// as in math::asymptotic\n\
                use super::super::convergence::Verdict;\n\
                use super::ball::Ball;\n\
                let s = v.iter().sum::<usize>();\n\
                use crate::math::{number::Q, radius};\n";
    let found = upward(rel, text);
    let want = [
        "src/math/float/ball.rs:1 names math::sum",
        "src/math/float/ball.rs:2 names math::series",
        "src/math/float/ball.rs:3 names math::limit",
        "src/math/float/ball.rs:4 names math::asymptotic",
        "src/math/float/ball.rs:5 names math::convergence",
        "src/math/float/ball.rs:8 names math::radius",
    ];
    assert_eq!(found, want);
    // `super::sum` from `math/number.rs` is `math::sum`; from `math/float/mod.rs` too.
    assert_eq!(
        upward(Path::new("math/number.rs"), "use super::sum;").len(),
        1
    );
    assert_eq!(
        upward(Path::new("math/float/mod.rs"), "use super::limit;").len(),
        1
    );
    assert!(upward(Path::new("math/float/mod.rs"), "use super::expr::Expr;").is_empty());
}
