//! Escaping for the text renderers: LaTeX text mode (specials, and non-ASCII symbols as math
//! commands pdflatex accepts), LaTeX math mode, and Markdown inline text.

/// The math-mode command for a non-ASCII character, if it has one.
pub fn math_symbol(c: char) -> Option<&'static str> {
    const TABLE: &[(char, &str)] = &[
        ('α', "\\alpha"),
        ('β', "\\beta"),
        ('γ', "\\gamma"),
        ('δ', "\\delta"),
        ('ε', "\\varepsilon"),
        ('ζ', "\\zeta"),
        ('η', "\\eta"),
        ('θ', "\\theta"),
        ('ι', "\\iota"),
        ('κ', "\\kappa"),
        ('λ', "\\lambda"),
        ('μ', "\\mu"),
        ('ν', "\\nu"),
        ('ξ', "\\xi"),
        ('ο', "o"),
        ('π', "\\pi"),
        ('ρ', "\\rho"),
        ('σ', "\\sigma"),
        ('ς', "\\varsigma"),
        ('τ', "\\tau"),
        ('υ', "\\upsilon"),
        ('φ', "\\varphi"),
        ('χ', "\\chi"),
        ('ψ', "\\psi"),
        ('ω', "\\omega"),
        ('Γ', "\\Gamma"),
        ('Δ', "\\Delta"),
        ('Θ', "\\Theta"),
        ('Λ', "\\Lambda"),
        ('Ξ', "\\Xi"),
        ('Π', "\\Pi"),
        ('Σ', "\\Sigma"),
        ('Υ', "\\Upsilon"),
        ('Φ', "\\Phi"),
        ('Ψ', "\\Psi"),
        ('Ω', "\\Omega"),
        ('≈', "\\approx"),
        ('→', "\\to"),
        ('←', "\\leftarrow"),
        ('⇒', "\\Rightarrow"),
        ('≤', "\\le"),
        ('≥', "\\ge"),
        ('≠', "\\ne"),
        ('∞', "\\infty"),
        ('·', "\\cdot"),
        ('×', "\\times"),
        ('÷', "\\div"),
        ('−', "-"),
        ('±', "\\pm"),
        ('√', "\\surd"),
        ('∫', "\\int"),
        ('∑', "\\sum"),
        ('∏', "\\prod"),
        ('∂', "\\partial"),
        ('∇', "\\nabla"),
        ('∈', "\\in"),
        ('…', "\\ldots"),
        ('′', "\\prime"),
        ('°', "^{\\circ}"),
        ('ℝ', "\\mathbb{R}"),
        ('ℕ', "\\mathbb{N}"),
        ('ℤ', "\\mathbb{Z}"),
        ('ℚ', "\\mathbb{Q}"),
        ('ℂ', "\\mathbb{C}"),
        ('²', "^{2}"),
        ('³', "^{3}"),
        ('¹', "^{1}"),
        ('⁻', "^{-}"),
    ];
    if let Some(d) = ('₀'..='₉').contains(&c).then(|| c as u32 - '₀' as u32) {
        const SUBS: [&str; 10] = [
            "_{0}", "_{1}", "_{2}", "_{3}", "_{4}", "_{5}", "_{6}", "_{7}", "_{8}", "_{9}",
        ];
        return SUBS.get(d as usize).copied();
    }
    TABLE.iter().find(|(k, _)| *k == c).map(|(_, v)| *v)
}

/// Characters pdflatex accepts as they are in text mode with T1 and UTF-8 input (Latin-1
/// letters and Latin Extended-A).
fn tex_accepts(c: char) -> bool {
    c.is_ascii() || ('\u{c0}'..='\u{17f}').contains(&c)
}

/// Text-mode LaTeX for arbitrary text: the specials `\ { } $ & # ^ _ % ~` escaped, and
/// non-ASCII symbols (Greek letters, `≈`, `→`, …) turned into math commands.
pub fn tex_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' | '}' | '$' | '&' | '#' | '_' | '%' => {
                out.push('\\');
                out.push(c);
            }
            // The ASCII glyphs of T1 (`\textasciicircum` and `\textasciitilde` are accents).
            '^' => out.push_str("{\\char94}"),
            '~' => out.push_str("{\\char126}"),
            '\n' | '\r' | '\t' => out.push(' '),
            '—' => out.push_str("---"),
            '–' => out.push_str("--"),
            c if tex_accepts(c) && !matches!(c, '×' | '·' | '±' | '²' | '³' | '¹' | '°') => {
                out.push(c)
            }
            c => match math_symbol(c) {
                Some(m) => out.push_str(&format!("\\ensuremath{{{m}}}")),
                None => out.push_str(&format!("[U+{:04X}]", c as u32)),
            },
        }
    }
    out
}

/// Math-mode LaTeX from a renderer with any non-ASCII character made a command.
pub fn tex_math(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c);
        } else if let Some(m) = math_symbol(c) {
            out.push_str(&format!("{{{m}}}"));
        } else if tex_accepts(c) {
            out.push_str(&format!("\\text{{{c}}}"));
        } else {
            out.push_str(&format!("\\text{{[U+{:04X}]}}", c as u32));
        }
    }
    out
}

/// Escapes the characters Markdown would read as markup in running text.
pub fn markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '$' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
