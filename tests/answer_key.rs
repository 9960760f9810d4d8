//! `sigma key`: the exact answer key of a small script in every format, approximations,
//! LaTeX escaping, `-o`, and a failing script writing nothing.
#![cfg(feature = "cli")] // drives the `sigma` binary

use assert_cmd::Command;
use sigma::render::escape::{tex_math, tex_text};
use std::path::PathBuf;

/// A script covering an untitled first section, headings with LaTeX specials and a Greek
/// letter, steps, a definition and a matrix typed over two lines.
const SCRIPT: &str = "a = 1/3 + 1/6\n## Calculus & λ_1 50%\ndiff(x^3, x)\nf(t) = t^2/2\n## Numbers\nm = [[1, 2],\n     [3, 4]]\n";

/// Writes `text` to `name` in a scratch directory of its own (tests run in parallel).
fn scratch(name: &str, text: &str) -> PathBuf {
    scratch_in(name, name, text)
}

fn scratch_in(dir: &str, name: &str, text: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("answer-key-tests")
        .join(dir);
    std::fs::create_dir_all(&dir).expect("the scratch directory can be created");
    let path = dir.join(name);
    std::fs::write(&path, text).expect("the script can be written");
    path
}

/// Runs `sigma key FILE --format FORMAT [extra…]`: exit code, stdout, stderr.
fn key(file: &PathBuf, format: &str, extra: &[&str]) -> (i32, String, String) {
    let out = Command::cargo_bin("sigma")
        .expect("the sigma binary is built")
        .arg("key")
        .arg(file)
        .args(["--format", format])
        .args(extra)
        .output()
        .expect("sigma runs");
    (
        out.status.code().expect("sigma exits normally"),
        String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    )
}

/// The key of [`SCRIPT`] (as `small.sigma`) in `format`, which must succeed.
fn key_ok(format: &str) -> String {
    let (code, stdout, stderr) = key(&scratch_in(format, "small.sigma", SCRIPT), format, &[]);
    assert_eq!(
        (code, stderr.as_str()),
        (0, ""),
        "sigma key --format {format}"
    );
    stdout
}

const DIFF_REASON: &str = "sum, product, power and chain rules, simplified to canonical form";

#[test]
fn text_key() {
    let expected = format!(
        "Answer key: small\n=================\n\n1. a = 1/3 + 1/6\n   a = 1/2\n\n## Calculus & λ_1 50%\n\n\
         2. diff(x^3, x)\n   = 3*x^2\n     1. d/dx [x^3] = 3*x^2  [{DIFF_REASON}]\n\n\
         3. f(t) = t^2/2\n   f(t) = t^2/2\n\n## Numbers\n\n\
         4. m = [[1, 2],\n        [3, 4]]\n   m = [[1, 2], [3, 4]]\n"
    );
    assert_eq!(key_ok("text"), expected);
}

#[test]
fn markdown_key() {
    let expected = format!(
        "# Answer key: small\n\n**1.** `a = 1/3 + 1/6`\n\n$a = \\frac{{1}}{{2}}$\n\n\
         ## Calculus & λ\\_1 50%\n\n**2.** `diff(x^3, x)`\n\n$3 x^{{2}}$\n\n\
         1. $\\frac{{d}}{{dx}}\\left[x^{{3}}\\right] = 3 x^{{2}}$ — *{DIFF_REASON}*\n\n\
         **3.** `f(t) = t^2/2`\n\n$f(t) = \\frac{{t^{{2}}}}{{2}}$\n\n## Numbers\n\n\
         **4.**\n\n```\nm = [[1, 2],\n     [3, 4]]\n```\n\n\
         $m = \\begin{{bmatrix}} 1 & 2 \\\\ 3 & 4 \\end{{bmatrix}}$\n"
    );
    assert_eq!(key_ok("md"), expected);
}

#[test]
fn latex_key_is_a_standalone_document() {
    let expected = format!(
        "\\documentclass{{article}}\n\\usepackage{{amsmath,amssymb}}\n\\usepackage[T1]{{fontenc}}\n\
         \\usepackage{{lmodern}}\n\\usepackage[margin=2.5cm]{{geometry}}\n\\usepackage{{breqn}}\n\
         \\setlength{{\\parindent}}{{0pt}}\n\\sloppy\n\
         \\title{{Answer key: small}}\n\\author{{}}\n\\date{{}}\n\\begin{{document}}\n\\maketitle\n\n\
         \\medskip\n{{\\raggedright\\textbf{{1.}}~\\texttt{{a = 1/3 + 1/6}}\\par}}\n\
         \\begin{{dmath*}}\na = \\frac{{1}}{{2}}\n\\end{{dmath*}}\n\n\
         \\section*{{Calculus \\& $\\lambda$\\_1 50\\%}}\n\n\
         \\medskip\n{{\\raggedright\\textbf{{2.}}~\\texttt{{diff(x{{\\char94}}3, x)}}\\par}}\n\
         \\begin{{dmath*}}\n3 x^{{2}}\n\\end{{dmath*}}\n\
         {{\\small\\raggedright\n\\begin{{enumerate}}\n  \\item {{}}$\\frac{{d}}{{dx}}\\left[x^{{3}}\\right] = 3 x^{{2}}$\\newline\n\
         \x20 \\emph{{{DIFF_REASON}}}\n\\end{{enumerate}}}}\n\n\
         \\medskip\n{{\\raggedright\\textbf{{3.}}~\\texttt{{f(t) = t{{\\char94}}2/2}}\\par}}\n\
         \\begin{{dmath*}}\nf(t) = \\frac{{t^{{2}}}}{{2}}\n\\end{{dmath*}}\n\n\
         \\section*{{Numbers}}\n\n\
         \\medskip\n{{\\raggedright\\textbf{{4.}}~\\texttt{{m = [[1, 2],}}\\newline\n\\texttt{{\\phantom{{xxxxx}}[3, 4]]}}\\par}}\n\
         \\begin{{dmath*}}\nm = \\begin{{bmatrix}} 1 & 2 \\\\ 3 & 4 \\end{{bmatrix}}\n\\end{{dmath*}}\n\n\\end{{document}}\n"
    );
    let out = key_ok("tex");
    assert_eq!(out, expected);
    assert!(out.starts_with("\\documentclass{article}\n"));
    assert!(out.ends_with("\\end{document}\n"));
}

#[test]
fn json_key() {
    let out = key_ok("json");
    let doc: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["title"], "small");
    let sections = doc["sections"].as_array().expect("sections");
    let headings: Vec<&serde_json::Value> = sections.iter().map(|s| &s["heading"]).collect();
    assert_eq!(
        headings,
        [
            &serde_json::Value::Null,
            &"Calculus & λ_1 50%".into(),
            &"Numbers".into()
        ]
    );
    let items = |i: usize| sections[i]["items"].as_array().expect("items").clone();
    assert_eq!(items(0).len(), 1);
    assert_eq!(items(0)[0]["input"], "a = 1/3 + 1/6");
    assert_eq!(
        (&items(0)[0]["name"], &items(0)[0]["text"]),
        (&"a".into(), &"1/2".into())
    );
    assert_eq!(items(1)[0]["text"], "3*x^2");
    assert_eq!(items(1)[0]["steps"][0]["claim"], "d/dx [x^3] = 3*x^2");
    assert_eq!(items(1)[0]["steps"][0]["reason"], DIFF_REASON);
    assert_eq!(items(1)[1]["text"], "f(t) = t^2/2");
    assert_eq!(items(2)[0]["input"], "m = [[1, 2],\n     [3, 4]]");
    assert_eq!(
        items(2)[0]["latex"],
        "\\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}"
    );
}

#[test]
fn approximations_are_marked_in_every_format() {
    let file = scratch("approx.sigma", "p = N(1/3, 5)\nN(1/7, 4)\n");
    let (code, text, _) = key(&file, "text", &[]);
    assert_eq!(code, 0);
    assert!(
        text.contains("\n1. p = N(1/3, 5)\n   p ≈ 0.33333  (approximate)\n"),
        "{text}"
    );
    assert!(
        text.contains("\n2. N(1/7, 4)\n   ≈ 0.1429  (approximate)\n     1. 1/7 ≈ 0.1429  ["),
        "{text}"
    );
    let (_, md, _) = key(&file, "md", &[]);
    assert!(
        md.contains("\n$p \\approx 0.33333$ *(approximate)*\n"),
        "{md}"
    );
    let (_, tex, _) = key(&file, "tex", &[]);
    assert!(tex.contains(
        "\\begin{dmath*}\np \\approx 0.33333\n\\end{dmath*}\n\\emph{Approximate: every printed digit is correct.}\n"
    ));
    let (_, json, _) = key(&file, "json", &[]);
    let doc: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    assert_eq!(doc["sections"][0]["items"][1]["approximate"], true);
    assert_eq!(doc["sections"][0]["items"][1]["text"], "≈ 0.1429");
}

/// A `#'` prose line is shown under its heading in every format, unnumbered; `run` leaves it
/// out.
#[test]
fn prose_lines_are_shown_under_their_heading() {
    let file = scratch(
        "prose.sigma",
        "## B3(c) Keep 80%\n#' The factor σ²/(σ² + λ) falls as λ grows & 50% stays.\nx = 1/2\n",
    );
    let prose = "The factor σ²/(σ² + λ) falls as λ grows & 50% stays.";
    let (_, text, _) = key(&file, "text", &[]);
    assert!(
        text.contains(&format!("## B3(c) Keep 80%\n\n{prose}\n\n1. x = 1/2\n")),
        "{text}"
    );
    let (_, md, _) = key(&file, "md", &[]);
    assert!(
        md.contains(&format!(
            "## B3(c) Keep 80%\n\n*{}*\n\n**1.** `x = 1/2`",
            sigma::render::escape::markdown(prose)
        )),
        "{md}"
    );
    let (_, tex, _) = key(&file, "tex", &[]);
    assert!(
        tex.contains(&format!("\\emph{{{}}}", tex_text(prose))),
        "{tex}"
    );
    let (_, json, _) = key(&file, "json", &[]);
    let doc: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    let item = &doc["sections"][0]["items"][0];
    assert_eq!(
        (&item["kind"], &item["text"]),
        (&"prose".into(), &prose.into())
    );
    assert_eq!(doc["sections"][0]["items"][1]["input"], "x = 1/2");
    let run = Command::cargo_bin("sigma")
        .expect("the sigma binary is built")
        .arg("run")
        .arg(&file)
        .output()
        .expect("sigma runs");
    assert_eq!(
        String::from_utf8_lossy(&run.stdout),
        "## B3(c) Keep 80%\nx = 1/2\n"
    );
}

#[test]
fn output_file_is_written_and_stdout_stays_empty() {
    let file = scratch("to_file.sigma", SCRIPT);
    let out = file.with_extension("tex");
    let _ = std::fs::remove_file(&out);
    let (code, stdout, stderr) = key(&file, "tex", &["-o", out.to_str().expect("UTF-8 path")]);
    assert_eq!((code, stdout.as_str(), stderr.as_str()), (0, "", ""));
    let written = std::fs::read_to_string(&out).expect("the key was written");
    assert!(written.contains("\\documentclass{article}") && written.contains("\\end{document}"));
}

#[test]
fn unwritable_output_is_an_error() {
    let file = scratch("unwritable.sigma", SCRIPT);
    let (code, stdout, stderr) = key(&file, "md", &["-o", "/nonexistent-dir/key.md"]);
    assert_eq!((code, stdout.as_str()), (1, ""));
    assert!(
        stderr.starts_with("error: cannot write /nonexistent-dir/key.md: "),
        "{stderr}"
    );
}

#[test]
fn failing_script_exits_1_and_writes_nothing() {
    let file = scratch("failing.sigma", "## A\nx = 1/2\ny = x/0\n");
    let out = file.with_extension("md");
    let _ = std::fs::remove_file(&out);
    let (code, stdout, stderr) = key(&file, "md", &["-o", out.to_str().expect("UTF-8 path")]);
    assert_eq!((code, stdout.as_str()), (1, ""));
    assert!(stderr.starts_with("error: division by zero\n"), "{stderr}");
    assert!(stderr.contains("failing.sigma:3:5"), "{stderr}");
    assert!(!out.exists(), "no key is written for a failing script");
}

#[test]
fn latex_escaping() {
    assert_eq!(
        tex_text(r"\ { } $ & # ^ _ % ~"),
        r"\textbackslash{} \{ \} \$ \& \# {\char94} \_ \% {\char126}"
    );
    assert_eq!(
        tex_text("λ σ α ≈ → π é"),
        r"$\lambda$ $\sigma$ $\alpha$ $\approx$ $\to$ $\pi$ é"
    );
    // Dashes stay characters (pdflatex maps them to \textemdash, \textendash; MathJax shows
    // them), so the same text reads right in a PDF and in a notebook.
    assert_eq!(tex_text("x₁ — 1–2 ☃"), r"x$_{1}$ — 1–2 [U+2603]");
    assert_eq!(tex_math(r"\mathrm{η2} + ψ"), r"\mathrm{{\eta}2} + {\psi}");
}

/// Whether pdflatex is here. CI installs it (`.ci/run`), so under CI its absence is a failure,
/// not a silent pass; elsewhere the pdflatex tests are skipped with a note.
fn pdflatex_available() -> bool {
    let ok = std::process::Command::new("pdflatex")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            std::env::var_os("CI").is_none(),
            "pdflatex is missing under CI: .ci/run must install texlive"
        );
        eprintln!("pdflatex is not installed: the LaTeX keys are not compiled");
    }
    ok
}

/// Widest overfull line a compiled key may have, in points: wider means something runs off
/// the page (a formula, a number or an input that does not break).
const MAX_OVERFULL_PT: f64 = 20.0;

/// Compiles `tex` with pdflatex in its directory; panics with the log on failure, or when a
/// line sticks out of the text block by more than [`MAX_OVERFULL_PT`].
fn pdflatex(tex: &std::path::Path) {
    let dir = tex.parent().expect("a directory");
    let run = std::process::Command::new("pdflatex")
        .args(["-interaction=nonstopmode", "-halt-on-error"])
        .arg(tex)
        .current_dir(dir)
        .output()
        .expect("pdflatex runs");
    assert!(
        run.status.success(),
        "pdflatex failed on {}:\n{}",
        tex.display(),
        String::from_utf8_lossy(&run.stdout)
    );
    assert!(tex.with_extension("pdf").exists());
    let log = std::fs::read_to_string(tex.with_extension("log")).expect("pdflatex wrote a log");
    let overfull: Vec<&str> = log
        .lines()
        .filter(|l| {
            l.strip_prefix("Overfull \\hbox (")
                .and_then(|r| r.split_once("pt too wide"))
                .and_then(|(pt, _)| pt.parse::<f64>().ok())
                .is_some_and(|pt| pt > MAX_OVERFULL_PT)
        })
        .collect();
    assert!(
        overfull.is_empty(),
        "{} has lines wider than the page by more than {MAX_OVERFULL_PT}pt:\n{}",
        tex.display(),
        overfull.join("\n")
    );
}

/// A key with a 904-digit integer, a 955-digit binding and a fraction of 96-digit numbers
/// compiles with each answer wrapped inside the page.
#[test]
fn long_numbers_wrap_in_the_latex_key() {
    if !pdflatex_available() {
        return;
    }
    let file = scratch("long_numbers.sigma", "2^3000\nx = 3^2000\n(2/3)^200\n");
    let tex = file.with_extension("tex");
    let (code, _, stderr) = key(&file, "tex", &["-o", tex.to_str().expect("UTF-8 path")]);
    assert_eq!(code, 0, "{stderr}");
    pdflatex(&tex);
}

/// The LaTeX key of awkward input (Greek, subscripts, TeX specials, matrices) compiles.
#[test]
fn latex_key_compiles_with_pdflatex() {
    if !pdflatex_available() {
        return;
    }
    let file = scratch(
        "compiles.sigma",
        "## Greek: λ, σ₁ & 100% of $ #\nλ = 3/4\nσ₁ = λ^2 + α\nm = [[1, 2],\n [3, 4]]\nN(pi)\nx = 22/7\ng(t) = N(t)\n",
    );
    let tex = file.with_extension("tex");
    let (code, _, stderr) = key(&file, "tex", &["-o", tex.to_str().expect("UTF-8 path")]);
    assert_eq!(code, 0, "{stderr}");
    pdflatex(&tex);
}

/// Every example's LaTeX key compiles, verdicts and steps set as mathematics (the
/// convergence key has no verdict inside `\text{…}` with a printed expression in it).
#[test]
fn every_example_key_compiles_with_pdflatex() {
    if !pdflatex_available() {
        return;
    }
    let examples = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples");
    let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("answer-key-tests/examples");
    std::fs::create_dir_all(&out).expect("the scratch directory can be created");
    let mut n = 0;
    for entry in std::fs::read_dir(&examples).expect("examples/") {
        let path = entry.expect("an entry").path();
        if path.extension().is_none_or(|x| x != "sigma") {
            continue;
        }
        let tex = out
            .join(path.file_name().expect("a name"))
            .with_extension("tex");
        let (code, _, stderr) = key(&path, "tex", &["-o", tex.to_str().expect("UTF-8 path")]);
        assert_eq!(code, 0, "{}: {stderr}", path.display());
        if path.ends_with("seeds_homework.sigma") {
            let body = std::fs::read_to_string(&tex).expect("the key was written");
            for part in [
                "B1(a)", "B1(b-i)", "B1(b-ii)", "B1(d)", "B1(e)", "B1(f)", "B3(a)", "B3(b)",
                "B3(c)", "B4(a)", "B4(b)", "B4(e)", "B4(f)", "B4(g)",
            ] {
                let at = body
                    .find(&format!("\\section*{{{part} "))
                    .unwrap_or_else(|| panic!("no section {part}"));
                // Each subpart opens with its line of intuition, set with its mathematics.
                assert!(
                    body[at..]
                        .split_once("\\medskip\n{\\raggedright \\emph{")
                        .is_some_and(|(gap, _)| gap.lines().count() <= 3),
                    "{part} has no intuition under its heading"
                );
            }
            assert!(body.contains("\\begin{dmath*}"), "answers are display math");
        }
        if path.ends_with("seeds_convergence.sigma") {
            let body = std::fs::read_to_string(&tex).expect("the key was written");
            assert!(
                body.contains(r"\lim_{n\to\infty} \left|\frac{a(n+1)}{a(n)}\right| = e^{-1} < 1")
            );
            assert!(
                !body.contains(r"lim |a(n+1)/a(n)|"),
                "a verdict printed as text"
            );
        }
        pdflatex(&tex);
        n += 1;
    }
    assert!(n >= 6, "only {n} examples");
}
